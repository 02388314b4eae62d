"""Toy sequence tasks: reverse, or sort, a random sequence of tokens (for attention), and recall a
symbol after a delay (for recurrent networks).

Both map an input of length L to an output of the same length, position by position, so a
transformer *encoder* with one classifier per position can solve them: to reverse, output
position t must look up input position L - 1 - t (attention by position); to sort, it must find
the t-th smallest token (attention by content).

Token ids: 0 is padding (``PAD_TOKEN``), the symbols are 1..n_symbols. Targets at padded
positions are ``IGNORE_INDEX`` (-100), the value ``torch.nn.functional.cross_entropy`` skips by
default, so padding adds nothing to the loss.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from dlcourse._validate import as_non_negative_int, as_positive_int
from dlcourse.seeding import as_generator

__all__ = ["PAD_TOKEN", "IGNORE_INDEX", "SequenceTask", "make_reversal_task", "make_sorting_task", "make_delay_task"]

PAD_TOKEN = 0
IGNORE_INDEX = -100


@dataclass(frozen=True)
class SequenceTask:
    """Inputs and targets of a sequence task.

    Attributes:
        inputs: shape (n, T), int64; symbols in 1..n_symbols, then ``PAD_TOKEN`` up to T.
        targets: shape (n, T), int64; the wanted symbol at each real position, ``IGNORE_INDEX``
            at padding.
        lengths: shape (n,), int64; the number of real tokens of each row.
        vocabulary_size: n_symbols + 1 (the symbols and the padding token).
    """

    inputs: np.ndarray
    targets: np.ndarray
    lengths: np.ndarray
    vocabulary_size: int

    @property
    def padding_mask(self) -> np.ndarray:
        """Shape (n, T), bool: True at padded positions (PyTorch's ``key_padding_mask`` convention)."""
        return np.arange(self.inputs.shape[1]) >= self.lengths[:, None]


def _random_sequences(n, rng, length, n_symbols, min_length):
    n = as_positive_int(n, "n")
    length = as_positive_int(length, "length")
    n_symbols = as_positive_int(n_symbols, "n_symbols", minimum=2)
    min_length = length if min_length is None else as_positive_int(min_length, "min_length")
    if min_length > length:
        raise ValueError(f"min_length must be at most length ({length}), got {min_length}")
    rng = as_generator(rng)
    lengths = rng.integers(min_length, length + 1, size=n).astype(np.int64)
    symbols = rng.integers(1, n_symbols + 1, size=(n, length)).astype(np.int64)
    padding = np.arange(length) >= lengths[:, None]  # (n, T)
    symbols[padding] = PAD_TOKEN
    return symbols, lengths, padding, n_symbols


def make_reversal_task(
    n: int,
    rng: np.random.Generator | int,
    length: int = 8,
    n_symbols: int = 10,
    min_length: int | None = None,
) -> SequenceTask:
    """Random sequences and their reversals: ``targets[i, t] = inputs[i, L_i - 1 - t]``.

    Args:
        n: number of sequences.
        length: the longest length T (all rows have it unless ``min_length`` is given).
        n_symbols: the number of distinct symbols, drawn uniformly.
        min_length: draw each row's length uniformly from min_length..length.
    """
    inputs, lengths, padding, n_symbols = _random_sequences(n, rng, length, n_symbols, min_length)
    positions = lengths[:, None] - 1 - np.arange(inputs.shape[1])  # (n, T); negative at padding
    targets = np.take_along_axis(inputs, np.clip(positions, 0, None), axis=1)
    targets[padding] = IGNORE_INDEX
    return SequenceTask(inputs, targets, lengths, n_symbols + 1)


def make_sorting_task(
    n: int,
    rng: np.random.Generator | int,
    length: int = 8,
    n_symbols: int = 10,
    min_length: int | None = None,
) -> SequenceTask:
    """Random sequences and the same tokens in increasing order (repeats kept). Arguments as for
    :func:`make_reversal_task`."""
    inputs, lengths, padding, n_symbols = _random_sequences(n, rng, length, n_symbols, min_length)
    # Padding sorts last when it is treated as larger than every symbol.
    targets = np.sort(np.where(padding, n_symbols + 1, inputs), axis=1)
    targets[padding] = IGNORE_INDEX
    return SequenceTask(inputs, targets, lengths, n_symbols + 1)


def make_delay_task(
    n: int,
    rng: np.random.Generator | int,
    delay: int,
    n_symbols: int = 4,
) -> tuple[np.ndarray, np.ndarray]:
    """Remember the first token for ``delay`` steps: a many-to-one memory task.

    Every sequence is one symbol drawn uniformly from 1..n_symbols, followed by ``delay`` copies of
    the blank token ``n_symbols + 1``; the label is the first symbol (as a class 0..n_symbols - 1).
    Only the first token carries information, so a recurrent model that predicts from its last
    hidden state must carry it across ``delay`` steps. Chance accuracy is 1 / n_symbols.

    Returns:
        tokens: shape (n, delay + 1), int64, ids in 1..n_symbols + 1 (no padding: all rows have
            the same length; the vocabulary has n_symbols + 2 ids with the unused padding id 0).
        labels: shape (n,), int64, in 0..n_symbols - 1.
    """
    n = as_positive_int(n, "n")
    delay = as_non_negative_int(delay, "delay")
    n_symbols = as_positive_int(n_symbols, "n_symbols", minimum=2)
    rng = as_generator(rng)
    first = rng.integers(1, n_symbols + 1, size=n).astype(np.int64)
    tokens = np.full((n, delay + 1), n_symbols + 1, dtype=np.int64)
    tokens[:, 0] = first
    return tokens, first - 1
