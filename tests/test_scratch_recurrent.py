"""RNN, LSTM and GRU cells and BPTT against torch.nn modules with copied weights (float64)."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from dlcourse.scratch import recurrent as rec
from dlcourse.scratch.gradcheck import gradient_check
from torch_oracle import assert_close_all, vjp

SIZES = [(1, 1, 1), (4, 3, 5), (6, 7, 2)]  # (N, D, H)
SEEDS = range(2)


def _module(kind, d, h, seed):
    torch.manual_seed(seed)
    return kind(d, h, dtype=torch.float64)


def _torch_param_grads(module) -> list[np.ndarray]:
    """The parameter gradients of a torch recurrent module in this package's layout:
    ``[dw_x, dw_h, db]``, or ``[dw_x, dw_h, db_x, db_h]`` for a GRU."""
    suffix = "_l0" if hasattr(module, "weight_ih_l0") else ""
    grad = lambda name: getattr(module, name + suffix).grad.numpy()  # noqa: E731
    weights = [grad("weight_ih").T, grad("weight_hh").T]
    if isinstance(module, torch.nn.GRUCell):
        return weights + [grad("bias_ih"), grad("bias_hh")]
    # b = bias_ih + bias_hh enters the same sum, so each torch bias gets the gradient of b
    np.testing.assert_allclose(grad("bias_ih"), grad("bias_hh"))
    return weights + [grad("bias_ih")]


@pytest.mark.parametrize("n, d, h", SIZES)
@pytest.mark.parametrize("seed", SEEDS)
def test_rnn_cell_matches_torch(n, d, h, seed):
    cell = _module(torch.nn.RNNCell, d, h, seed)
    rng = np.random.default_rng(seed)
    x, h_prev, dh = rng.normal(size=(n, d)), rng.normal(size=(n, h)), rng.normal(size=(n, h))
    out, cache = rec.rnn_cell_forward(x, h_prev, **rec.weights_from_torch(cell))
    expected_out, expected_grads = vjp(cell, [x, h_prev], dh)
    np.testing.assert_allclose(out, expected_out, rtol=1e-12, atol=1e-14)
    assert_close_all(rec.rnn_cell_backward(dh, cache), expected_grads + _torch_param_grads(cell),
                     ["dx", "dh_prev", "dw_x", "dw_h", "db"], rtol=1e-11, atol=1e-13)


@pytest.mark.parametrize("n, d, h", SIZES)
@pytest.mark.parametrize("steps", [1, 5, 12])
def test_rnn_over_a_sequence_matches_torch_bptt(n, d, h, steps):
    rnn = _module(lambda d, h, dtype: torch.nn.RNN(d, h, batch_first=True, dtype=dtype), d, h, steps)
    rng = np.random.default_rng(steps)
    x, h0, dhs = rng.normal(size=(n, steps, d)), rng.normal(size=(n, h)), rng.normal(size=(n, steps, h))
    hs, cache = rec.rnn_forward(x, h0, **rec.weights_from_torch(rnn))
    expected_hs, expected_grads = vjp(lambda x, h0: rnn(x, h0[None])[0], [x, h0], dhs)
    np.testing.assert_allclose(hs, expected_hs, rtol=1e-12, atol=1e-13)
    assert_close_all(rec.rnn_backward(dhs, cache), expected_grads + _torch_param_grads(rnn),
                     ["dx", "dh0", "dw_x", "dw_h", "db"], rtol=1e-10, atol=1e-12)


def test_many_to_one_gradient_reaches_every_step():
    """Only the last state is used, yet BPTT sends gradient to every input, smaller for older steps
    when the recurrence is contracting (the vanishing gradient)."""
    rng = np.random.default_rng(0)
    n, steps, d, h = 3, 20, 2, 4
    w_x, w_h, b = rng.normal(size=(d, h)), 0.3 * rng.normal(size=(h, h)) / np.sqrt(h), np.zeros(h)
    x = rng.normal(size=(n, steps, d))
    hs, cache = rec.rnn_forward(x, np.zeros((n, h)), w_x, w_h, b)
    dhs = np.zeros_like(hs)
    dhs[:, -1] = 1.0
    dx = rec.rnn_backward(dhs, cache)[0]
    norms = np.linalg.norm(dx, axis=(0, 2))
    assert np.all(norms > 0) and norms[0] < 1e-3 * norms[-1]


@pytest.mark.parametrize("n, d, h", SIZES)
@pytest.mark.parametrize("seed", SEEDS)
def test_lstm_cell_matches_torch(n, d, h, seed):
    cell = _module(torch.nn.LSTMCell, d, h, seed)
    rng = np.random.default_rng(seed)
    x, h_prev, c_prev = rng.normal(size=(n, d)), rng.normal(size=(n, h)), rng.normal(size=(n, h))
    dh, dc = rng.normal(size=(n, h)), rng.normal(size=(n, h))
    (h_new, c_new), cache = rec.lstm_cell_forward(x, h_prev, c_prev, **rec.weights_from_torch(cell))
    # the two outputs stacked into one tensor, so one backward pass sends dh to h and dc to c
    expected, expected_grads = vjp(lambda x, h, c: torch.stack(cell(x, (h, c))), [x, h_prev, c_prev], np.stack([dh, dc]))
    np.testing.assert_allclose(h_new, expected[0], rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(c_new, expected[1], rtol=1e-12, atol=1e-14)
    assert_close_all(rec.lstm_cell_backward(dh, dc, cache), expected_grads + _torch_param_grads(cell),
                     ["dx", "dh_prev", "dc_prev", "dw_x", "dw_h", "db"], rtol=1e-11, atol=1e-13)


@pytest.mark.parametrize("n, d, h", SIZES)
@pytest.mark.parametrize("seed", SEEDS)
def test_gru_cell_matches_torch(n, d, h, seed):
    cell = _module(torch.nn.GRUCell, d, h, seed)
    rng = np.random.default_rng(seed)
    x, h_prev, dh = rng.normal(size=(n, d)), rng.normal(size=(n, h)), rng.normal(size=(n, h))
    out, cache = rec.gru_cell_forward(x, h_prev, **rec.weights_from_torch(cell))
    expected_out, expected_grads = vjp(cell, [x, h_prev], dh)
    np.testing.assert_allclose(out, expected_out, rtol=1e-12, atol=1e-14)
    assert_close_all(rec.gru_cell_backward(dh, cache), expected_grads + _torch_param_grads(cell),
                     ["dx", "dh_prev", "dw_x", "dw_h", "db_x", "db_h"], rtol=1e-11, atol=1e-13)


@pytest.mark.parametrize("kind", [torch.nn.RNNCell, torch.nn.LSTMCell, torch.nn.GRUCell])
def test_weights_copy_to_torch_and_back(kind):
    d, h = 3, 4
    gates = {torch.nn.RNNCell: 1, torch.nn.LSTMCell: 4, torch.nn.GRUCell: 3}[kind]
    rng = np.random.default_rng(gates)
    ours = {"w_x": rng.normal(size=(d, gates * h)), "w_h": rng.normal(size=(h, gates * h))}
    if kind is torch.nn.GRUCell:
        ours.update(b_x=rng.normal(size=gates * h), b_h=rng.normal(size=gates * h))
    else:
        ours["b"] = rng.normal(size=gates * h)
    cell = kind(d, h, dtype=torch.float64)
    rec.weights_to_torch(cell, **ours)
    back = rec.weights_from_torch(cell)
    assert back.keys() == ours.keys()
    for name in ours:
        np.testing.assert_array_equal(back[name], ours[name])
    x, h_prev = rng.normal(size=(2, d)), rng.normal(size=(2, h))
    if kind is torch.nn.LSTMCell:
        (mine, _), _ = rec.lstm_cell_forward(x, h_prev, h_prev, **ours)
        theirs = cell(torch.tensor(x), (torch.tensor(h_prev), torch.tensor(h_prev)))[0]
    else:
        forward = rec.rnn_cell_forward if kind is torch.nn.RNNCell else rec.gru_cell_forward
        mine, _ = forward(x, h_prev, **ours)
        theirs = cell(torch.tensor(x), torch.tensor(h_prev))
    np.testing.assert_allclose(mine, theirs.detach().numpy(), rtol=1e-12, atol=1e-14)


def test_gradient_check_agrees_with_every_recurrent_backward():
    rng = np.random.default_rng(1)
    n, d, h = 2, 3, 2
    x, h_prev, c_prev = rng.normal(size=(n, d)), rng.normal(size=(n, h)), rng.normal(size=(n, h))

    w_x, w_h, b = rng.normal(size=(d, h)), rng.normal(size=(h, h)), rng.normal(size=h)
    dh = rng.normal(size=(n, h))
    _, cache = rec.rnn_cell_forward(x, h_prev, w_x, w_h, b)
    for value, grad in zip((x, h_prev, w_x, w_h, b), rec.rnn_cell_backward(dh, cache)):
        assert gradient_check(lambda _: rec.rnn_cell_forward(x, h_prev, w_x, w_h, b)[0], value, grad, dout=dh) < 1e-7

    xs, h0 = rng.normal(size=(n, 4, d)), rng.normal(size=(n, h))
    dhs = rng.normal(size=(n, 4, h))
    _, cache = rec.rnn_forward(xs, h0, w_x, w_h, b)
    for value, grad in zip((xs, h0, w_x, w_h, b), rec.rnn_backward(dhs, cache)):
        assert gradient_check(lambda _: rec.rnn_forward(xs, h0, w_x, w_h, b)[0], value, grad, dout=dhs) < 1e-6

    w_x4, w_h4, b4 = rng.normal(size=(d, 4 * h)), rng.normal(size=(h, 4 * h)), rng.normal(size=4 * h)
    dc = rng.normal(size=(n, h))

    def lstm(_):
        h_new, c_new = rec.lstm_cell_forward(x, h_prev, c_prev, w_x4, w_h4, b4)[0]
        return np.sum(h_new * dh) + np.sum(c_new * dc)

    _, cache = rec.lstm_cell_forward(x, h_prev, c_prev, w_x4, w_h4, b4)
    for value, grad in zip((x, h_prev, c_prev, w_x4, w_h4, b4), rec.lstm_cell_backward(dh, dc, cache)):
        assert gradient_check(lstm, value, grad) < 1e-6

    w_x3, w_h3, b_x3, b_h3 = rng.normal(size=(d, 3 * h)), rng.normal(size=(h, 3 * h)), rng.normal(size=3 * h), rng.normal(size=3 * h)
    _, cache = rec.gru_cell_forward(x, h_prev, w_x3, w_h3, b_x3, b_h3)
    for value, grad in zip((x, h_prev, w_x3, w_h3, b_x3, b_h3), rec.gru_cell_backward(dh, cache)):
        assert gradient_check(lambda _: rec.gru_cell_forward(x, h_prev, w_x3, w_h3, b_x3, b_h3)[0], value, grad, dout=dh) < 1e-6


@pytest.mark.parametrize("call, message", [
    (lambda: rec.rnn_cell_forward(np.ones((2, 3)), np.ones((3, 4)), np.ones((3, 4)), np.ones((4, 4)), np.ones(4)),
     r"h_prev must have shape \(N, H\) with N = 2"),
    (lambda: rec.lstm_cell_forward(np.ones((2, 3)), np.ones((2, 4)), np.ones((2, 4)), np.ones((3, 4)), np.ones((4, 16)), np.ones(16)),
     r"w_x must have shape \(3, 16\) \(\(D, 4H\)\)"),
    (lambda: rec.gru_cell_forward(np.ones((2, 3)), np.ones((2, 4)), np.ones((3, 12)), np.ones((4, 12)), np.ones(12), np.ones(4)),
     r"b_h must have shape \(12,\)"),
    (lambda: rec.rnn_forward(np.ones((2, 3)), np.ones((2, 4)), np.ones((3, 4)), np.ones((4, 4)), np.ones(4)),
     r"x must have shape \(N, T, D\), got shape \(2, 3\)"),
    (lambda: rec.lstm_cell_forward(np.ones((2, 3)), np.ones((2, 4)), np.ones((2, 5)), np.ones((3, 16)), np.ones((4, 16)), np.ones(16)),
     r"c_prev must have shape \(2, 4\)"),
])
def test_recurrent_names_what_it_expected(call, message):
    with pytest.raises(ValueError, match=message):
        call()
