"""The automatic mutations of tests/mutation_scan.py: each is one slip of the hand, inside the
answer's functions only, and runs."""

from __future__ import annotations

import numpy as np

from mutation_scan import mutations

ANSWER = '''import numpy as np

SCALE = 2.0


def softmax_rows(scores, temperature=1.0):
    """Softmax of each row; the docstring's 1 + 1 is not code."""
    shifted = scores - np.max(scores, axis=1, keepdims=True)
    weights = np.exp(shifted / temperature)
    total = weights.sum(axis=1, keepdims=True)
    for _ in range(0):
        total += 0
    if temperature <= 0:
        raise ValueError(f"temperature must be positive, got {temperature - 1}")
    return weights / total
'''


def _run(code, scores):
    namespace = {}
    exec(compile(code, "<answer>", "exec"), namespace)
    return namespace["softmax_rows"](scores)


def test_each_mutation_is_one_slip_that_still_compiles_and_changes_the_code():
    found = mutations(ANSWER)
    descriptions = {m.description for m in found}
    for expected in ["Sub -> Add", "axis=1 -> axis=0", "keepdims=True flipped", "exp(...) left out",
                     "Div -> Mult", "LtE -> Lt", "update statement left out", "right operand of +/- dropped"]:
        assert expected in descriptions, expected
    assert len({m.code for m in found}) == len(found), "duplicates"
    for mutation in found:
        compile(mutation.code, "<mutation>", "exec")
        assert "SCALE = 2.0" in mutation.code, "code outside the functions was changed"
        assert "the docstring's 1 + 1 is not code" in mutation.code
        assert "got {temperature - 1}" in mutation.code, "an error message was mutated"


def test_the_mutations_compute_something_else():
    scores = np.array([[1.0, 2.0, 4.0], [0.5, -1.0, 3.0]])
    right = _run(ANSWER, scores)

    def differs(mutation):
        try:
            return not np.allclose(_run(mutation.code, scores), right)
        except (ValueError, TypeError, IndexError):
            return True

    changed = [m for m in mutations(ANSWER) if m.line in (8, 9, 10, 15) and differs(m)]
    # Softmax ignores a shift of each row (so dropping, flipping or flattening the shift changes
    # nothing), axis=-1 is axis=1 for rows, and dividing by temperature 1 is multiplying; the rest do:
    assert {(m.line, m.description) for m in changed} == {
        (8, "axis=1 -> axis=0"), (8, "keepdims=True flipped"), (8, "constant 1 -> 2"),
        (9, "exp(...) left out"),
        (10, "axis=1 -> axis=0"), (10, "axis=1 -> axis=None"), (10, "keepdims=True flipped"),
        (10, "constant 1 -> 2"), (10, ".sum() left out"),
        (15, "Div -> Mult")}
    by_line = {m.line for m in mutations(ANSWER)}
    assert {8, 9, 10, 11, 12, 13, 15} <= by_line
