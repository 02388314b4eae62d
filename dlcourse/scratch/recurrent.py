"""Recurrent cells and backpropagation through time (notes section 7.1).

Examples are rows, as everywhere in the package: an input step ``x`` has shape (N, D), a hidden
state ``h`` shape (N, H), and a sequence ``x`` shape (N, T, D) (batch first, like
``torch.nn.RNN(..., batch_first=True)``). Weights act on the right, ``x @ w_x``.

Weight layout (the same gate order as PyTorch, so weights copy both ways):

=========  =======================  =========================  ==============================
cell       w_x, w_h                 gate blocks of the columns  biases
=========  =======================  =========================  ==============================
RNN        (D, H), (H, H)           (one block)                 b = bias_ih + bias_hh, (H,)
LSTM       (D, 4H), (H, 4H)         [i, f, g, o]                b = bias_ih + bias_hh, (4H,)
GRU        (D, 3H), (H, 3H)         [r, z, n]                   b_x = bias_ih, b_h = bias_hh, (3H,)
=========  =======================  =========================  ==============================

``w_x = cell.weight_ih.T`` and ``w_h = cell.weight_hh.T`` (torch stores (gates * H, D)). The LSTM and
RNN only ever use the sum of torch's two biases; the GRU needs them apart because ``b_hn`` sits
inside the reset gate's product. :func:`weights_from_torch` and :func:`weights_to_torch` do the
copying.
"""

from __future__ import annotations

import numpy as np

from dlcourse._validate import as_float_array, as_gradient, check_shape
from dlcourse.scratch.activations import logistic

__all__ = [
    "rnn_cell_forward",
    "rnn_cell_backward",
    "rnn_forward",
    "rnn_backward",
    "lstm_cell_forward",
    "lstm_cell_backward",
    "gru_cell_forward",
    "gru_cell_backward",
    "weights_from_torch",
    "weights_to_torch",
]


def _check_cell(x, h_prev, w_x, w_h, gates: int, gate_text: str):
    """Validate one step's inputs; ``gates`` blocks of H columns (``gate_text`` like ``"4H"``)."""
    x = as_float_array(x, "x", dims="N, D")
    h_prev = as_float_array(h_prev, "h_prev", dims="N, H")
    n, d = x.shape
    hidden = h_prev.shape[1]
    if h_prev.shape[0] != n:
        raise ValueError(f"h_prev must have shape (N, H) with N = {n} (the rows of x), got shape {h_prev.shape}")
    w_x = as_float_array(w_x, "w_x")
    check_shape(w_x, "w_x", (d, gates * hidden), f"(D, {gate_text})")
    w_h = as_float_array(w_h, "w_h")
    check_shape(w_h, "w_h", (hidden, gates * hidden), f"(H, {gate_text})")
    return x, h_prev, w_x, w_h


def _check_bias(b, name: str, size: int, text: str) -> np.ndarray:
    b = as_float_array(b, name)
    check_shape(b, name, (size,), text)
    return b


# ----------------------------------------------------------------------------- simple RNN


def rnn_cell_forward(x, h_prev, w_x, w_h, b):
    """One step of the simple recurrence ``h = tanh(x @ w_x + h_prev @ w_h + b)``
    (``torch.nn.RNNCell``; the notes' ``h_t = phi(W_0^T x_t + W_1^T h_{t-1})``).

    Args:
        x: input at this step, shape (N, D).
        h_prev: previous hidden state, shape (N, H).
        w_x: input-to-hidden weights, (D, H); w_h: hidden-to-hidden weights, (H, H); b: (H,).

    Returns:
        h: shape (N, H).
        cache: for :func:`rnn_cell_backward`.
    """
    x, h_prev, w_x, w_h = _check_cell(x, h_prev, w_x, w_h, 1, "H")
    b = _check_bias(b, "b", w_h.shape[1], "(H,)")
    h = np.tanh(x @ w_x + h_prev @ w_h + b)  # (N, H)
    return h, (x, h_prev, w_x, w_h, h)


def rnn_cell_backward(dh, cache):
    """Backward of :func:`rnn_cell_forward`. With ``da = dh * (1 - h^2)`` (through the tanh):
    ``dx = da w_x^T``, ``dh_prev = da w_h^T``, ``dw_x = x^T da``, ``dw_h = h_prev^T da``, ``db = sum_n da``.

    Returns:
        dx (N, D), dh_prev (N, H), dw_x (D, H), dw_h (H, H), db (H,).
    """
    x, h_prev, w_x, w_h, h = cache
    dh = as_gradient(dh, "dh", h.shape)
    da = dh * (1.0 - h * h)                       # (N, H), gradient at the pre-activation
    return da @ w_x.T, da @ w_h.T, x.T @ da, h_prev.T @ da, da.sum(axis=0)


def rnn_forward(x, h0, w_x, w_h, b):
    """The simple RNN over a whole sequence: ``h_t = tanh(x_t @ w_x + h_{t-1} @ w_h + b)`` for
    t = 1..T, from ``h0`` (``torch.nn.RNN(D, H, batch_first=True)``).

    The loop over time steps is the point: step t needs ``h_{t-1}``.

    Args:
        x: inputs, shape (N, T, D).
        h0: initial hidden state, shape (N, H) (zeros are common, as in the notes).
        w_x (D, H), w_h (H, H), b (H,): shared by every step.

    Returns:
        hs: every hidden state ``h_1..h_T``, shape (N, T, H) (a many-to-one model uses ``hs[:, -1]``).
        cache: for :func:`rnn_backward`.
    """
    x = as_float_array(x, "x", dims="N, T, D")
    n, steps, d = x.shape
    if steps == 0:
        raise ValueError(f"x must have at least one time step, got shape {x.shape}")
    h = as_float_array(h0, "h0", dims="N, H")
    hs = np.empty((n, steps, h.shape[1]))
    caches = []
    for t in range(steps):
        h, cache = rnn_cell_forward(x[:, t], h, w_x, w_h, b)
        hs[:, t] = h
        caches.append(cache)
    return hs, caches


def rnn_backward(dhs, cache):
    """Backpropagation through time for :func:`rnn_forward`.

    ``dhs[:, t]`` is the gradient the loss sends directly to ``h_t`` (zero except at the last step
    for a many-to-one model). Going backwards, the gradient at ``h_t`` is that plus what flows back
    from step t + 1 through ``w_h``; the weights are shared, so their gradients add up over steps.

    Args:
        dhs: shape (N, T, H).
        cache: from :func:`rnn_forward`.

    Returns:
        dx (N, T, D), dh0 (N, H), dw_x (D, H), dw_h (H, H), db (H,).
    """
    caches = cache
    x0, h0, w_x, w_h, _ = caches[0]
    n, hidden, steps = h0.shape[0], h0.shape[1], len(caches)
    dhs = as_gradient(dhs, "dhs", (n, steps, hidden))
    dx = np.empty((n, steps, x0.shape[1]))
    dw_x, dw_h, db = np.zeros_like(w_x), np.zeros_like(w_h), np.zeros(hidden)
    dh_next = np.zeros((n, hidden))               # gradient flowing back from step t + 1
    for t in reversed(range(steps)):
        dx[:, t], dh_next, dw_x_t, dw_h_t, db_t = rnn_cell_backward(dhs[:, t] + dh_next, caches[t])
        dw_x += dw_x_t
        dw_h += dw_h_t
        db += db_t
    return dx, dh_next, dw_x, dw_h, db


# ----------------------------------------------------------------------------- LSTM


def lstm_cell_forward(x, h_prev, c_prev, w_x, w_h, b):
    """One LSTM step (``torch.nn.LSTMCell``). With ``a = x @ w_x + h_prev @ w_h + b`` split into
    four blocks of H columns ``[a_i, a_f, a_g, a_o]``:

    - input gate ``i = logistic(a_i)``, forget gate ``f = logistic(a_f)``, output gate
      ``o = logistic(a_o)``, candidate ``g = tanh(a_g)``;
    - cell state ``c = f * c_prev + i * g`` (what to keep, plus what to write);
    - hidden state ``h = o * tanh(c)`` (what to show).

    Args:
        x: (N, D); h_prev, c_prev: (N, H); w_x: (D, 4H); w_h: (H, 4H); b: (4H,).

    Returns:
        (h, c): each (N, H).
        cache: for :func:`lstm_cell_backward`.
    """
    x, h_prev, w_x, w_h = _check_cell(x, h_prev, w_x, w_h, 4, "4H")
    hidden = h_prev.shape[1]
    c_prev = as_float_array(c_prev, "c_prev")
    check_shape(c_prev, "c_prev", h_prev.shape, "(N, H), the shape of h_prev")
    b = _check_bias(b, "b", 4 * hidden, "(4H,)")
    a = x @ w_x + h_prev @ w_h + b                # (N, 4H)
    i = logistic(a[:, :hidden])
    f = logistic(a[:, hidden:2 * hidden])
    g = np.tanh(a[:, 2 * hidden:3 * hidden])
    o = logistic(a[:, 3 * hidden:])
    c = f * c_prev + i * g                        # (N, H)
    tanh_c = np.tanh(c)
    h = o * tanh_c
    return (h, c), (x, h_prev, c_prev, w_x, w_h, i, f, g, o, tanh_c)


def lstm_cell_backward(dh, dc, cache):
    """Backward of :func:`lstm_cell_forward`.

    ``dc`` is the gradient arriving at ``c`` from the next step; ``h`` adds ``dh * o * (1 - tanh(c)^2)``.
    Then ``dc_prev = dc_total * f`` (the cell's additive path: multiplied only by the forget gate,
    which is why LSTMs carry gradients over long spans), and through each gate's nonlinearity to
    ``da = [da_i, da_f, da_g, da_o]``, which the shared affine map sends to x, h_prev and the weights.

    Args:
        dh, dc: shape (N, H) each (pass zeros for ``dc`` at the last step).

    Returns:
        dx (N, D), dh_prev (N, H), dc_prev (N, H), dw_x (D, 4H), dw_h (H, 4H), db (4H,).
    """
    x, h_prev, c_prev, w_x, w_h, i, f, g, o, tanh_c = cache
    dh = as_gradient(dh, "dh", i.shape)
    dc = as_gradient(dc, "dc", i.shape)
    do = dh * tanh_c
    dc_total = dc + dh * o * (1.0 - tanh_c * tanh_c)
    da = np.concatenate([
        dc_total * g * i * (1.0 - i),             # through i = logistic(a_i)
        dc_total * c_prev * f * (1.0 - f),        # through f
        dc_total * i * (1.0 - g * g),             # through g = tanh(a_g)
        do * o * (1.0 - o),                       # through o
    ], axis=1)                                    # (N, 4H)
    return da @ w_x.T, da @ w_h.T, dc_total * f, x.T @ da, h_prev.T @ da, da.sum(axis=0)


# ----------------------------------------------------------------------------- GRU


def gru_cell_forward(x, h_prev, w_x, w_h, b_x, b_h):
    """One GRU step (``torch.nn.GRUCell``). With ``u = x @ w_x + b_x`` and ``v = h_prev @ w_h + b_h``,
    each split into blocks ``[r, z, n]`` of H columns:

    - reset gate ``r = logistic(u_r + v_r)``, update gate ``z = logistic(u_z + v_z)``;
    - candidate ``n = tanh(u_n + r * v_n)`` (the reset gate scales the recurrent part only);
    - ``h = (1 - z) * n + z * h_prev`` (z = 1 keeps the old state).

    Args:
        x: (N, D); h_prev: (N, H); w_x: (D, 3H); w_h: (H, 3H); b_x, b_h: (3H,).

    Returns:
        h: (N, H).
        cache: for :func:`gru_cell_backward`.
    """
    x, h_prev, w_x, w_h = _check_cell(x, h_prev, w_x, w_h, 3, "3H")
    hidden = h_prev.shape[1]
    b_x = _check_bias(b_x, "b_x", 3 * hidden, "(3H,)")
    b_h = _check_bias(b_h, "b_h", 3 * hidden, "(3H,)")
    u = x @ w_x + b_x                             # (N, 3H)
    v = h_prev @ w_h + b_h                        # (N, 3H)
    r = logistic(u[:, :hidden] + v[:, :hidden])
    z = logistic(u[:, hidden:2 * hidden] + v[:, hidden:2 * hidden])
    v_n = v[:, 2 * hidden:]
    n = np.tanh(u[:, 2 * hidden:] + r * v_n)
    h = (1.0 - z) * n + z * h_prev
    return h, (x, h_prev, w_x, w_h, r, z, n, v_n)


def gru_cell_backward(dh, cache):
    """Backward of :func:`gru_cell_forward`.

    ``dh_prev`` gets ``dh * z`` directly (the update gate's copy path) plus what flows back through
    the gates; ``b_h``'s gradient differs from ``b_x``'s in the n block, where it is scaled by ``r``.

    Returns:
        dx (N, D), dh_prev (N, H), dw_x (D, 3H), dw_h (H, 3H), db_x (3H,), db_h (3H,).
    """
    x, h_prev, w_x, w_h, r, z, n, v_n = cache
    dh = as_gradient(dh, "dh", n.shape)
    dn_pre = dh * (1.0 - z) * (1.0 - n * n)       # gradient at u_n + r * v_n
    dz_pre = dh * (h_prev - n) * z * (1.0 - z)
    dr_pre = dn_pre * v_n * r * (1.0 - r)
    du = np.concatenate([dr_pre, dz_pre, dn_pre], axis=1)      # (N, 3H)
    dv = np.concatenate([dr_pre, dz_pre, dn_pre * r], axis=1)  # (N, 3H)
    dh_prev = dh * z + dv @ w_h.T
    return du @ w_x.T, dh_prev, x.T @ du, h_prev.T @ dv, du.sum(axis=0), dv.sum(axis=0)


# ----------------------------------------------------------------------------- copying weights


def _torch_names(module) -> tuple[str, str, str, str]:
    suffix = "_l0" if hasattr(module, "weight_ih_l0") else ""
    if getattr(module, "num_layers", 1) != 1 or getattr(module, "bidirectional", False):
        raise ValueError("only single-layer, one-directional torch recurrent modules can be copied")
    return tuple(f"{name}{suffix}" for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"))


def _is_gru(module) -> bool:
    return type(module).__name__ in {"GRU", "GRUCell"}


def weights_from_torch(module) -> dict[str, np.ndarray]:
    """The weights of a ``torch.nn`` RNNCell/LSTMCell/GRUCell (or single-layer RNN/LSTM/GRU) in this
    module's layout, as float64 arrays: ``{"w_x", "w_h", "b"}`` (``"b_x", "b_h"`` for a GRU).

    ``w_x = weight_ih.T``, ``w_h = weight_hh.T``; a module without biases gets zeros. The gate order
    is already the same, so no columns move.
    """
    weight_ih, weight_hh, bias_ih, bias_hh = (getattr(module, name, None) for name in _torch_names(module))
    as_numpy = lambda t: t.detach().cpu().double().numpy().copy()  # noqa: E731
    w_x, w_h = as_numpy(weight_ih).T.copy(), as_numpy(weight_hh).T.copy()
    zeros = np.zeros(w_h.shape[1])
    b_x = as_numpy(bias_ih) if bias_ih is not None else zeros
    b_h = as_numpy(bias_hh) if bias_hh is not None else zeros
    if _is_gru(module):
        return {"w_x": w_x, "w_h": w_h, "b_x": b_x, "b_h": b_h}
    return {"w_x": w_x, "w_h": w_h, "b": b_x + b_h}


def weights_to_torch(module, w_x, w_h, b=None, b_x=None, b_h=None) -> None:
    """Copy weights in this module's layout into a torch recurrent module (the inverse of
    :func:`weights_from_torch`). For the RNN and LSTM the bias ``b`` goes to ``bias_ih`` and
    ``bias_hh`` is set to zero (only the sum matters); a GRU takes ``b_x`` and ``b_h``."""
    import torch  # only needed here: importing dlcourse.scratch does not need PyTorch

    names = _torch_names(module)
    if _is_gru(module):
        if b_x is None or b_h is None:
            raise ValueError("a GRU needs both b_x and b_h (its two biases are not interchangeable)")
        biases = (b_x, b_h)
    else:
        if b is None:
            raise ValueError("pass b, the combined bias of shape (gates * H,)")
        biases = (b, np.zeros_like(np.asarray(b, dtype=float)))
    values = (np.asarray(w_x, dtype=float).T, np.asarray(w_h, dtype=float).T, *biases)
    with torch.no_grad():
        for name, value in zip(names, values):
            parameter = getattr(module, name)
            if tuple(parameter.shape) != np.shape(value):
                raise ValueError(
                    f"{name} of the torch module has shape {tuple(parameter.shape)}, the value has shape {np.shape(value)}"
                )
            parameter.copy_(torch.as_tensor(np.asarray(value), dtype=parameter.dtype))
