"""The RNN gradient-flow explorer: its gradients against the package's NumPy BPTT, and the widget's state."""

from __future__ import annotations

import numpy as np
import pytest

from dlcourse.scratch.recurrent import rnn_backward, rnn_forward, weights_from_torch
from dlcourse.widgets.gradient_flow import CELLS, gradient_flow_explorer, gradient_norms_through_time, random_recurrent_setup


@pytest.mark.parametrize("length, scale, seed", [(1, 1.0, 0), (7, 0.5, 1), (30, 2.5, 2)])
def test_simple_rnn_norms_equal_numpy_backpropagation_through_time(length, scale, seed):
    layer, readout, inputs = random_recurrent_setup("rnn", length, scale, hidden_size=5, input_size=3, seed=seed)
    weights = weights_from_torch(layer)
    x = inputs.detach().numpy()
    hs, cache = rnn_forward(x, np.zeros((1, 5)), weights["w_x"], weights["w_h"], weights["b"])
    dhs = np.zeros_like(hs)
    dhs[0, -1] = readout.numpy()                      # the loss u . h_T sends u to h_T only
    dx = rnn_backward(dhs, cache)[0]
    expected = np.linalg.norm(dx[0], axis=1)
    norms = gradient_norms_through_time("rnn", length, scale, hidden_size=5, input_size=3, seed=seed)
    assert norms.shape == (length,) and norms.dtype == np.float64
    np.testing.assert_allclose(norms, expected, rtol=1e-10, atol=1e-300)


def test_the_recurrent_weights_are_the_scaled_draw():
    small = random_recurrent_setup("gru", 5, 0.5, hidden_size=6, seed=3)[0].weight_hh_l0.detach().numpy()
    large = random_recurrent_setup("gru", 5, 2.0, hidden_size=6, seed=3)[0].weight_hh_l0.detach().numpy()
    assert small.shape == (18, 6)
    np.testing.assert_allclose(large, 4 * small)


def test_small_weights_vanish_and_large_ones_explode_for_the_simple_rnn():
    vanishing = gradient_norms_through_time("rnn", 60, 0.5)
    exploding = gradient_norms_through_time("rnn", 60, 4.0)
    assert vanishing[0] / vanishing[-1] < 1e-10
    assert exploding[0] / exploding[-1] > 1e5


@pytest.mark.parametrize("cell", CELLS)
def test_norms_are_finite_and_reproducible(cell):
    first = gradient_norms_through_time(cell, 25, 1.5, seed=4)
    assert np.all(np.isfinite(first)) and np.all(first >= 0)
    np.testing.assert_array_equal(first, gradient_norms_through_time(cell, 25, 1.5, seed=4))
    assert not np.array_equal(first, gradient_norms_through_time(cell, 25, 1.5, seed=5))


@pytest.mark.parametrize("call, message", [
    (lambda: gradient_norms_through_time("transformer", 5, 1.0), "cell"),
    (lambda: gradient_norms_through_time("rnn", 0, 1.0), "length"),
    (lambda: gradient_norms_through_time("rnn", 5, -1.0), "scale"),
    (lambda: gradient_norms_through_time("rnn", 5, float("nan")), "scale"),
])
def test_bad_arguments_say_what_was_expected(call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call()


def test_widget_redraws_for_every_control():
    explorer = gradient_flow_explorer(length=20, scale=0.5, cell="rnn")
    line = explorer.live_figure.axes.lines[0]
    np.testing.assert_allclose(line.get_ydata(), gradient_norms_through_time("rnn", 20, 0.5))
    assert "vanishing" in explorer.status.value
    first_png = explorer.live_figure.image.value

    explorer.set(scale=4.0)
    np.testing.assert_allclose(line.get_ydata(), gradient_norms_through_time("rnn", 20, 4.0))
    assert "exploding" in explorer.status.value and explorer.live_figure.image.value != first_png

    explorer.set(length=45, cell="lstm")
    assert len(line.get_xdata()) == 45
    np.testing.assert_allclose(line.get_ydata(), gradient_norms_through_time("lstm", 45, 4.0))
    assert "LSTM" in explorer.live_figure.axes.get_title()
    assert explorer.last_redraw_seconds > 0
