"""Scaled dot-product attention, multi-head attention and positional encodings (notes section 8).

Masks are boolean with PyTorch's ``scaled_dot_product_attention`` convention: **True means the
query may attend to that key**, False blocks it (its attention weight becomes exactly 0). Build
them with :func:`causal_mask` (no looking ahead) and :func:`padding_mask` (ignore padded keys), and
combine them with ``&``. Careful: ``torch.nn.MultiheadAttention`` uses the opposite convention for
its boolean masks (True = blocked), so pass it ``~mask``.

A query whose every key is blocked gets all-zero weights and a zero output (as PyTorch's SDPA
does), instead of the nan a plain softmax over ``-inf`` would give.

Shapes, batch first: queries (..., L, E), keys (..., S, E), values (..., S, Ev); L queries attend
over S keys. Multi-head attention takes (N, L, E) queries like
``torch.nn.MultiheadAttention(E, num_heads, batch_first=True)``.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from dlcourse._validate import as_bool_mask, as_float_array, as_gradient, as_positive_int, check_shape

__all__ = [
    "causal_mask",
    "padding_mask",
    "scaled_dot_product_attention",
    "scaled_dot_product_attention_forward",
    "scaled_dot_product_attention_backward",
    "multi_head_attention_forward",
    "multi_head_attention_backward",
    "multi_head_attention_weights_from_torch",
    "encoder_layer_weights_from_torch",
    "attention_and_weights",
    "self_attention_and_weights",
    "sinusoidal_positional_encoding",
]


class AttentionCache(NamedTuple):
    """What the backward pass of scaled dot-product attention needs; ``weights`` (..., L, S) is the
    attention map, ready to be plotted."""

    q: np.ndarray
    k: np.ndarray
    v: np.ndarray
    weights: np.ndarray
    scale: float


class MultiHeadAttentionCache(NamedTuple):
    """What the backward pass of multi-head attention needs; ``attention.weights`` has shape
    (N, num_heads, L, S): one attention map per head."""

    query: np.ndarray
    key: np.ndarray
    value: np.ndarray
    concat: np.ndarray
    attention: AttentionCache
    params: dict
    num_heads: int


def causal_mask(num_queries: int, num_keys: int | None = None) -> np.ndarray:
    """Boolean (L, S) mask with ``mask[i, j] = j <= i``: query i sees keys 0..i, never the future.

    The lower triangle, as ``is_causal=True`` in ``torch.nn.functional.scaled_dot_product_attention``.
    ``num_keys`` defaults to ``num_queries`` (self-attention over T tokens: ``causal_mask(T)``).
    """
    num_queries = as_positive_int(num_queries, "num_queries")
    num_keys = num_queries if num_keys is None else as_positive_int(num_keys, "num_keys")
    return np.tril(np.ones((num_queries, num_keys), dtype=bool))


def padding_mask(lengths, num_keys: int) -> np.ndarray:
    """Boolean (N, S) mask with ``mask[n, j] = j < lengths[n]``: the real tokens of each padded sequence.

    To block padded keys for every query, broadcast it over the query axis: ``padding_mask(...)[:, None, :]``
    has shape (N, 1, S), which broadcasts against attention scores of shape (N, L, S).
    """
    num_keys = as_positive_int(num_keys, "num_keys")
    lengths = np.asarray(lengths)
    if lengths.ndim != 1 or not np.issubdtype(lengths.dtype, np.integer) or lengths.dtype == bool:
        raise ValueError(f"lengths must be integers of shape (N,), got shape {lengths.shape} and dtype {lengths.dtype}")
    if lengths.size and (lengths.min() < 0 or lengths.max() > num_keys):
        raise ValueError(f"lengths must lie in [0, {num_keys}], got values from {lengths.min()} to {lengths.max()}")
    return np.arange(num_keys) < lengths[:, None]


def _check_qkv(q, k, v):
    q = as_float_array(q, "q", dims="..., L, E")
    k = as_float_array(k, "k", dims="..., S, E")
    v = as_float_array(v, "v", dims="..., S, Ev")
    batch = q.shape[:-2]
    leading = "".join(f"{size}, " for size in batch)
    if k.shape[:-2] != batch or k.shape[-1] != q.shape[-1]:
        raise ValueError(
            f"k must have shape (..., S, E) = ({leading}S, {q.shape[-1]}) to match q of shape {q.shape}, got shape {k.shape}"
        )
    if v.shape[:-2] != batch or v.shape[-2] != k.shape[-2]:
        raise ValueError(
            f"v must have shape (..., S, Ev) = ({leading}{k.shape[-2]}, Ev) to match k of shape {k.shape}, got shape {v.shape}"
        )
    return q, k, v


def scaled_dot_product_attention_forward(q, k, v, attn_mask=None, is_causal: bool = False, scale: float | None = None):
    """Scaled dot-product attention (notes eq. 35):

    ``weights = softmax(q k^T * scale)`` over the keys, with blocked entries removed, and
    ``out = weights @ v``; ``scale = 1 / sqrt(E)`` by default.

    Args:
        q: queries, shape (..., L, E).
        k: keys, shape (..., S, E).
        v: values, shape (..., S, Ev).
        attn_mask: optional boolean mask broadcastable to (..., L, S); True = may attend.
        is_causal: also apply :func:`causal_mask` (L, S).
        scale: multiplies the scores; 1 / sqrt(E) when None.

    Returns:
        out: shape (..., L, Ev).
        cache: an :class:`AttentionCache`; ``cache.weights`` is the (..., L, S) attention map.
    """
    q, k, v = _check_qkv(q, k, v)
    num_queries, num_keys = q.shape[-2], k.shape[-2]
    scores_shape = q.shape[:-1] + (num_keys,)
    mask = None
    if attn_mask is not None:
        mask = as_bool_mask(attn_mask, "attn_mask", scores_shape, "(..., L, S)")
    if is_causal:
        causal = causal_mask(num_queries, num_keys)
        mask = causal if mask is None else mask & causal
    scale = 1.0 / np.sqrt(q.shape[-1]) if scale is None else float(scale)
    # the (..., L, S) arrays are the big ones: compute them in place, one buffer for scores -> weights
    weights = q @ np.swapaxes(k, -1, -2)                      # (..., L, S) scores
    weights *= scale
    if mask is not None:
        np.copyto(weights, -np.inf, where=~mask)              # blocked keys: exp(-inf) = 0
    peak = weights.max(axis=-1, keepdims=True)
    peak[~np.isfinite(peak)] = 0.0                            # a fully blocked row: shift by 0, not -inf
    weights -= peak
    np.exp(weights, out=weights)
    total = weights.sum(axis=-1, keepdims=True)
    total[total == 0] = 1.0                                   # a fully blocked row stays all 0
    weights /= total
    return weights @ v, AttentionCache(q, k, v, weights, scale)


def scaled_dot_product_attention(q, k, v, attn_mask=None, is_causal: bool = False, scale: float | None = None) -> np.ndarray:
    """Only the output of :func:`scaled_dot_product_attention_forward` (what
    ``torch.nn.functional.scaled_dot_product_attention`` returns); shape (..., L, Ev)."""
    return scaled_dot_product_attention_forward(q, k, v, attn_mask, is_causal, scale)[0]


def scaled_dot_product_attention_backward(dout, cache: AttentionCache):
    """Backward of :func:`scaled_dot_product_attention_forward`.

    With ``P`` the weights and ``dP = dout v^T``: ``dv = P^T dout``; through the row-wise softmax
    ``dS = P * (dP - sum_j dP_j P_j)`` (blocked entries have ``P = 0`` and so get no gradient);
    ``dq = dS k * scale`` and ``dk = dS^T q * scale``.

    Args:
        dout: shape (..., L, Ev).

    Returns:
        dq (..., L, E), dk (..., S, E), dv (..., S, Ev).
    """
    q, k, v, weights, scale = cache
    dout = as_gradient(dout, "dout", q.shape[:-1] + (v.shape[-1],))
    dv = np.swapaxes(weights, -1, -2) @ dout                  # (..., S, Ev)
    dscores = dout @ np.swapaxes(v, -1, -2)                   # (..., L, S), dP for now
    row_dot = np.einsum("...ij,...ij->...i", dscores, weights)[..., None]  # sum_j dP_j P_j, no temporary
    dscores -= row_dot
    dscores *= weights
    dscores *= scale
    dq = dscores @ k                                          # (..., L, E)
    dk = np.swapaxes(dscores, -1, -2) @ q                     # (..., S, E)
    return dq, dk, dv


# ----------------------------------------------------------------------------- multi-head


_PARAM_NAMES = ("w_q", "b_q", "w_k", "b_k", "w_v", "b_v", "w_o", "b_o")


def _check_mha_params(params: dict, embed: int, key_dim: int, value_dim: int, num_heads: int) -> dict:
    if not isinstance(params, dict) or set(params) != set(_PARAM_NAMES):
        got = sorted(params) if isinstance(params, dict) else type(params).__name__
        raise ValueError(f"params must be a dict with keys {list(_PARAM_NAMES)}, got {got}")
    expected = {
        "w_q": ((embed, embed), "(E, E)"), "b_q": ((embed,), "(E,)"),
        "w_k": ((key_dim, embed), "(kdim, E)"), "b_k": ((embed,), "(E,)"),
        "w_v": ((value_dim, embed), "(vdim, E)"), "b_v": ((embed,), "(E,)"),
        "w_o": ((embed, embed), "(E, E)"), "b_o": ((embed,), "(E,)"),
    }
    checked = {}
    for name, (shape, text) in expected.items():
        checked[name] = as_float_array(params[name], f"params['{name}']")
        check_shape(checked[name], f"params['{name}']", shape, text)
    if embed % num_heads:
        raise ValueError(f"the embedding size E = {embed} must be divisible by num_heads = {num_heads}")
    return checked


def _split_heads(x: np.ndarray, num_heads: int) -> np.ndarray:
    n, length, embed = x.shape
    return x.reshape(n, length, num_heads, embed // num_heads).transpose(0, 2, 1, 3)  # (N, h, len, E/h)


def _merge_heads(x: np.ndarray) -> np.ndarray:
    n, heads, length, head_dim = x.shape
    return x.transpose(0, 2, 1, 3).reshape(n, length, heads * head_dim)            # (N, len, E)


def multi_head_attention_forward(query, key, value, params: dict, num_heads: int, attn_mask=None, is_causal: bool = False):
    """Multi-head attention (notes eq. 36), laid out like ``torch.nn.MultiheadAttention(batch_first=True)``.

    ``q = query @ w_q + b_q`` (likewise k, v) is split into ``num_heads`` blocks of ``E / num_heads``
    columns; each head runs scaled dot-product attention on its block; the heads' outputs are
    concatenated back to E columns and mixed: ``out = concat @ w_o + b_o``. Self-attention is
    ``query = key = value = x``.

    Args:
        query: (N, L, E); key: (N, S, kdim); value: (N, S, vdim) (kdim = vdim = E usually).
        params: dict of ``w_q`` (E, E), ``w_k`` (kdim, E), ``w_v`` (vdim, E), ``w_o`` (E, E) and
            biases ``b_q, b_k, b_v, b_o`` (E,); weights act on the right, so each is the transpose
            of torch's (see :func:`multi_head_attention_weights_from_torch`).
        num_heads: h, dividing E.
        attn_mask: boolean, broadcastable to (N, L, S), True = may attend; shared by all heads.
        is_causal: also block the future (:func:`causal_mask`).

    Returns:
        out: (N, L, E).
        cache: a :class:`MultiHeadAttentionCache`; ``cache.attention.weights`` is (N, h, L, S).
    """
    query = as_float_array(query, "query", dims="N, L, E")
    key = as_float_array(key, "key", dims="N, S, kdim")
    value = as_float_array(value, "value", dims="N, S, vdim")
    n, num_queries, embed = query.shape
    if key.shape[0] != n or value.shape[:2] != key.shape[:2]:
        raise ValueError(
            f"key and value must have shapes (N, S, ...) with N = {n} and the same S, got {key.shape} and {value.shape}"
        )
    num_heads = as_positive_int(num_heads, "num_heads")
    params = _check_mha_params(params, embed, key.shape[2], value.shape[2], num_heads)
    mask = None
    if attn_mask is not None:
        mask = as_bool_mask(attn_mask, "attn_mask", (n, num_queries, key.shape[1]), "(N, L, S)")
        mask = mask[..., None, :, :] if mask.ndim == 3 else mask   # (N, 1, L, S): same for every head
    q = _split_heads(query @ params["w_q"] + params["b_q"], num_heads)  # (N, h, L, E/h)
    k = _split_heads(key @ params["w_k"] + params["b_k"], num_heads)    # (N, h, S, E/h)
    v = _split_heads(value @ params["w_v"] + params["b_v"], num_heads)  # (N, h, S, E/h)
    heads, attention = scaled_dot_product_attention_forward(q, k, v, mask, is_causal)
    concat = _merge_heads(heads)                                         # (N, L, E)
    out = concat @ params["w_o"] + params["b_o"]
    return out, MultiHeadAttentionCache(query, key, value, concat, attention, params, num_heads)


def _linear_grads(inputs: np.ndarray, doutputs: np.ndarray, weight: np.ndarray):
    """Gradients of ``outputs = inputs @ weight + bias`` for 3-D inputs (N, len, in)."""
    flat_in = inputs.reshape(-1, inputs.shape[-1])
    flat_dout = doutputs.reshape(-1, doutputs.shape[-1])
    return doutputs @ weight.T, flat_in.T @ flat_dout, flat_dout.sum(axis=0)


def multi_head_attention_backward(dout, cache: MultiHeadAttentionCache):
    """Backward of :func:`multi_head_attention_forward`: through the output mixing, each head's
    attention, and the three input projections.

    For self-attention (query = key = value = x) the gradient of x is ``dquery + dkey + dvalue``.

    Args:
        dout: shape (N, L, E).

    Returns:
        dquery (N, L, E), dkey (N, S, kdim), dvalue (N, S, vdim), and a dict of parameter
        gradients with the keys of ``params``.
    """
    query, key, value, concat, attention, params, num_heads = cache
    dout = as_gradient(dout, "dout", concat.shape)
    grads = {}
    dconcat, grads["w_o"], grads["b_o"] = _linear_grads(concat, dout, params["w_o"])
    dq, dk, dv = scaled_dot_product_attention_backward(_split_heads(dconcat, num_heads), attention)
    dquery, grads["w_q"], grads["b_q"] = _linear_grads(query, _merge_heads(dq), params["w_q"])
    dkey, grads["w_k"], grads["b_k"] = _linear_grads(key, _merge_heads(dk), params["w_k"])
    dvalue, grads["w_v"], grads["b_v"] = _linear_grads(value, _merge_heads(dv), params["w_v"])
    return dquery, dkey, dvalue, {name: grads[name] for name in _PARAM_NAMES}


def multi_head_attention_weights_from_torch(module) -> dict[str, np.ndarray]:
    """The parameters of a ``torch.nn.MultiheadAttention`` in this module's layout (float64).

    torch computes ``q = query @ W_q^T + b_q`` with ``W_q = in_proj_weight[:E]`` (then ``W_k``, ``W_v``
    below it), or ``q_proj_weight`` etc. when kdim/vdim differ from E; ``out_proj`` mixes the heads.
    Here ``w_q = W_q^T`` and so on. A module without bias gets zero biases.
    """
    if getattr(module, "bias_k", None) is not None or getattr(module, "add_zero_attn", False):
        raise ValueError("add_bias_kv and add_zero_attn are not supported")
    as_numpy = lambda t: t.detach().cpu().double().numpy()  # noqa: E731
    embed = module.embed_dim
    if module._qkv_same_embed_dim:
        w_q, w_k, w_v = np.split(as_numpy(module.in_proj_weight), 3, axis=0)
    else:
        w_q, w_k, w_v = (as_numpy(module.q_proj_weight), as_numpy(module.k_proj_weight), as_numpy(module.v_proj_weight))
    if module.in_proj_bias is not None:
        b_q, b_k, b_v = np.split(as_numpy(module.in_proj_bias), 3)
    else:
        b_q = b_k = b_v = np.zeros(embed)
    b_o = as_numpy(module.out_proj.bias) if module.out_proj.bias is not None else np.zeros(embed)
    return {
        "w_q": w_q.T.copy(), "b_q": b_q.copy(), "w_k": w_k.T.copy(), "b_k": b_k.copy(),
        "w_v": w_v.T.copy(), "b_v": b_v.copy(), "w_o": as_numpy(module.out_proj.weight).T.copy(), "b_o": b_o.copy(),
    }


def encoder_layer_weights_from_torch(layer) -> dict:
    """The parameters of a ``torch.nn.TransformerEncoderLayer`` (float64 NumPy, weights acting on the right).

    Returns a dict with ``"attention"`` (the :func:`multi_head_attention_weights_from_torch` dict of
    ``layer.self_attn``), the feed-forward network's ``w_1`` (E, F), ``b_1`` (F,), ``w_2`` (F, E),
    ``b_2`` (E,) (``linear1``, ``linear2`` transposed), and the two layer normalizations' ``gamma_1``,
    ``beta_1`` (``norm1``) and ``gamma_2``, ``beta_2`` (``norm2``), each (E,).
    """
    as_numpy = lambda t: t.detach().cpu().double().numpy().copy()  # noqa: E731
    return {
        "attention": multi_head_attention_weights_from_torch(layer.self_attn),
        "w_1": as_numpy(layer.linear1.weight).T.copy(), "b_1": as_numpy(layer.linear1.bias),
        "w_2": as_numpy(layer.linear2.weight).T.copy(), "b_2": as_numpy(layer.linear2.bias),
        "gamma_1": as_numpy(layer.norm1.weight), "beta_1": as_numpy(layer.norm1.bias),
        "gamma_2": as_numpy(layer.norm2.weight), "beta_2": as_numpy(layer.norm2.bias),
    }


# ----------------------------------------------------------------------------- (out, weights) forms
# Chapter 11's exercises return the attention maps next to the output, ``(out, weights)``, instead of
# a cache. Its tests swap these in for a student's earlier function, so that a later exercise is
# graded on its own.


def attention_and_weights(q, k, v, mask=None):
    """:func:`scaled_dot_product_attention_forward` as ``(out, weights)``: out (..., L, Ev), weights (..., L, S).

    ``mask``: None or booleans broadcastable to (..., L, S), True = may attend.
    """
    out, cache = scaled_dot_product_attention_forward(q, k, v, mask)
    return out, cache.weights


def self_attention_and_weights(x, params, num_heads: int, mask=None):
    """Multi-head self-attention of ``x`` (N, T, E) as ``(out, weights)``: out (N, T, E) and every
    head's map, weights (N, num_heads, T, T). ``params`` and ``mask`` as in
    :func:`multi_head_attention_forward` (query = key = value = x)."""
    out, cache = multi_head_attention_forward(x, x, x, params, num_heads, mask)
    return out, cache.attention.weights


# ----------------------------------------------------------------------------- positions


def sinusoidal_positional_encoding(num_positions: int, dim: int) -> np.ndarray:
    """The transformer's fixed positional encodings (notes section 8.3.1):

    ``P[t, 2i] = sin(t / 10000^(2i / dim))`` and ``P[t, 2i + 1] = cos(t / 10000^(2i / dim))``,
    for positions t = 0..num_positions-1. Every entry lies in [-1, 1]; low columns oscillate fast,
    high columns slowly, so each position gets a distinct pattern. Added to the token embeddings.

    Args:
        num_positions: T, the number of positions.
        dim: D, the embedding size (an odd D ends with a sine column).

    Returns:
        P: shape (T, D).
    """
    num_positions = as_positive_int(num_positions, "num_positions")
    dim = as_positive_int(dim, "dim")
    positions = np.arange(num_positions)[:, None]                 # (T, 1)
    frequencies = 10000.0 ** (-np.arange(0, dim, 2) / dim)        # (ceil(D/2),): 1 / 10000^(2i/D)
    angles = positions * frequencies                               # (T, ceil(D/2))
    encoding = np.empty((num_positions, dim))
    encoding[:, 0::2] = np.sin(angles)
    encoding[:, 1::2] = np.cos(angles[:, : dim // 2])
    return encoding
