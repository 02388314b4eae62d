"""One seeding helper for every random draw in the course.

Call ``rng = set_seed(seed)`` once at the top of a notebook; then draw NumPy numbers from ``rng``
and let PyTorch use its (now seeded) global generator. Re-running the notebook gives the same
numbers.

"The same numbers" holds on the same machine with the same library versions and thread count:
PyTorch's parallel reductions add in a different order with another number of threads, so a
trained model's last digits, and sometimes its accuracy by a fraction of a percent, can differ.
Quoted results in the chapters are rounded accordingly.
"""

from __future__ import annotations

import random

import numpy as np

__all__ = ["set_seed", "as_generator"]


def set_seed(seed: int) -> np.random.Generator:
    """Seed Python's ``random``, NumPy's legacy global state and PyTorch, and return a new
    ``numpy.random.Generator`` seeded with ``seed``.

    Args:
        seed: a non-negative integer.

    Returns:
        A fresh ``np.random.Generator``; pass it to the data generators and sampling code.
    """
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"set_seed expects a non-negative integer seed, got {seed!r}")
    seed = int(seed)
    random.seed(seed)
    np.random.seed(seed % 2**32)  # the legacy API only takes 32-bit seeds
    import torch  # imported here so that `import dlcourse.seeding` stays fast

    torch.manual_seed(seed)
    return np.random.default_rng(seed)


def as_generator(rng: np.random.Generator | int | None) -> np.random.Generator:
    """Accept a Generator (used as is) or an integer seed (a new Generator from it).

    ``None`` is refused on purpose: an unseeded draw would make a notebook irreproducible.
    """
    if isinstance(rng, np.random.Generator):
        return rng
    if isinstance(rng, (int, np.integer)) and not isinstance(rng, bool):
        return np.random.default_rng(int(rng))
    raise TypeError(
        "expected a numpy.random.Generator (for example the one set_seed returns) or an integer "
        f"seed, got {type(rng).__name__}"
    )
