"""The shared input checks refuse what would otherwise pass silently, and say what was expected."""

from __future__ import annotations

import numpy as np
import pytest

from dlcourse._validate import as_bool_mask, as_float_array, as_labels, as_pair, as_probability


@pytest.mark.parametrize("value, message", [
    ("1.5", "x must be numeric"),                 # np.asarray("1.5", dtype=float) would parse it
    (np.array([1 + 2j]), "x must hold real numbers, got dtype complex128"),  # would drop the 2j
    (None, "x must be numeric .* got None"),      # would become nan
    ([[1.0], [1.0, 2.0]], "x must be numeric"),   # ragged
])
def test_as_float_array_refuses_silent_conversions(value, message):
    with pytest.raises(TypeError, match=message):
        as_float_array(value, "x")


def test_as_float_array_names_axes():
    assert as_float_array([[1, 2]], "x", dims="N, D").dtype == np.float64
    with pytest.raises(ValueError, match=r"x must have shape \(N, C, H, W\), got shape \(3, 8, 8\)"):
        as_float_array(np.ones((3, 8, 8)), "x", dims="N, C, H, W")
    with pytest.raises(ValueError, match=r"q must have shape \(\.\.\., L, E\), got shape \(4,\)"):
        as_float_array(np.ones(4), "q", dims="..., L, E")


def test_other_checks_name_what_they_expected():
    with pytest.raises(TypeError, match="labels must hold integer class labels, got dtype float64"):
        as_labels(np.array([0.0, 1.0]), "labels", 2, 3)
    with pytest.raises(TypeError, match="mask must be a boolean array"):
        as_bool_mask(np.ones((2, 2)), "mask", (2, 2), "(L, S)")
    with pytest.raises(ValueError, match=r"mask must broadcast to \(L, S\) = \(2, 2\), got shape \(3,\)"):
        as_bool_mask(np.ones(3, dtype=bool), "mask", (2, 2), "(L, S)")
    with pytest.raises(ValueError, match=r"p must be a probability in \[0, 1\), got 1.0"):
        as_probability(1.0, "p", allow_one=False)
    with pytest.raises(TypeError, match="stride must be an integer or a pair"):
        as_pair((1, 2, 3), "stride", minimum=1)
