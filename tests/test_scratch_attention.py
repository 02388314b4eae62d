"""Attention against torch.nn.functional.scaled_dot_product_attention and torch.nn.MultiheadAttention
with copied weights (float64); masks; positional encodings against the closed form."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from dlcourse.scratch import attention as att
from dlcourse.scratch.gradcheck import gradient_check, numerical_gradient
from torch_oracle import assert_close_all, vjp

SDPA_SHAPES = [  # batch dims, L, S, E, Ev
    ((1,), 1, 1, 1, 1),
    ((2,), 4, 6, 3, 5),
    ((2, 3), 5, 5, 4, 4),
    ((3,), 7, 2, 8, 3),
]


def _random_mask(rng, shape):
    mask = rng.uniform(size=shape) < 0.6
    mask[..., 0] = True  # every query keeps at least one key here (fully blocked rows are tested apart)
    return mask


@pytest.mark.parametrize("batch, L, S, E, Ev", SDPA_SHAPES)
@pytest.mark.parametrize("mask_kind", ["none", "random", "causal", "padding"])
@pytest.mark.parametrize("seed", range(2))
def test_sdpa_matches_torch(batch, L, S, E, Ev, mask_kind, seed):
    rng = np.random.default_rng(seed)
    q, k, v = rng.normal(size=(*batch, L, E)), rng.normal(size=(*batch, S, E)), rng.normal(size=(*batch, S, Ev))
    dout = rng.normal(size=(*batch, L, Ev))
    mask, is_causal = None, False
    if mask_kind == "random":
        mask = _random_mask(rng, (*batch, L, S))
    elif mask_kind == "causal":
        is_causal = True
    elif mask_kind == "padding":
        lengths = rng.integers(1, S + 1, batch[0])
        mask = att.padding_mask(lengths, S)[:, None, :].reshape(batch[0], *(1,) * (len(batch) - 1), 1, S)
    out, cache = att.scaled_dot_product_attention_forward(q, k, v, mask, is_causal)
    torch_mask = None if mask is None else torch.tensor(mask)
    expected_out, expected_grads = vjp(
        lambda q, k, v: F.scaled_dot_product_attention(q, k, v, attn_mask=torch_mask, is_causal=is_causal), [q, k, v], dout
    )
    np.testing.assert_allclose(out, expected_out, rtol=1e-12, atol=1e-13)
    np.testing.assert_allclose(att.scaled_dot_product_attention(q, k, v, mask, is_causal), out)
    assert_close_all(att.scaled_dot_product_attention_backward(dout, cache), expected_grads, ["dq", "dk", "dv"], atol=1e-12)


def test_sdpa_custom_scale_matches_torch():
    rng = np.random.default_rng(3)
    q, k, v = rng.normal(size=(2, 3, 4)), rng.normal(size=(2, 5, 4)), rng.normal(size=(2, 5, 2))
    expected = F.scaled_dot_product_attention(torch.tensor(q), torch.tensor(k), torch.tensor(v), scale=0.7).numpy()
    np.testing.assert_allclose(att.scaled_dot_product_attention(q, k, v, scale=0.7), expected, rtol=1e-12)


def test_masked_keys_get_exactly_zero_weight():
    rng = np.random.default_rng(4)
    q, k, v = rng.normal(size=(2, 4, 3)), rng.normal(size=(2, 6, 3)), rng.normal(size=(2, 6, 2))
    mask = att.padding_mask(np.array([6, 2]), 6)[:, None, :]
    out, cache = att.scaled_dot_product_attention_forward(q, k, v, mask)
    assert np.all(cache.weights[1, :, 2:] == 0.0)
    np.testing.assert_allclose(cache.weights.sum(axis=-1), 1.0, rtol=1e-14)
    # the padded keys and values do not matter at all: change them, the output stays
    k2, v2 = k.copy(), v.copy()
    k2[1, 2:], v2[1, 2:] = 1e3, -1e3
    np.testing.assert_array_equal(att.scaled_dot_product_attention(q, k2, v2, mask)[1], out[1])


def test_causal_mask_blocks_the_future():
    rng = np.random.default_rng(5)
    x = rng.normal(size=(1, 6, 4))
    mask = att.causal_mask(6)
    np.testing.assert_array_equal(mask, torch.ones(6, 6, dtype=torch.bool).tril().numpy())
    out, cache = att.scaled_dot_product_attention_forward(x, x, x, mask)
    assert np.all(cache.weights[0][~mask] == 0.0)
    later = x.copy()
    later[0, 4:] = rng.normal(size=(2, 4))  # change the last two tokens
    changed = att.scaled_dot_product_attention(later, later, later, is_causal=True)
    np.testing.assert_array_equal(changed[0, :4], out[0, :4])  # earlier positions cannot see them
    assert not np.allclose(changed[0, 4:], out[0, 4:])


def test_fully_blocked_query_gives_zero_like_torch():
    rng = np.random.default_rng(6)
    q, k, v = rng.normal(size=(1, 3, 4)), rng.normal(size=(1, 5, 4)), rng.normal(size=(1, 5, 2))
    mask = np.ones((3, 5), dtype=bool)
    mask[1] = False
    dout = rng.normal(size=(1, 3, 2))
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        out, cache = att.scaled_dot_product_attention_forward(q, k, v, mask)
        grads = att.scaled_dot_product_attention_backward(dout, cache)
    torch_mask = torch.tensor(mask)
    expected_out, expected_grads = vjp(lambda q, k, v: F.scaled_dot_product_attention(q, k, v, attn_mask=torch_mask), [q, k, v], dout)
    np.testing.assert_array_equal(out[0, 1], 0.0)
    np.testing.assert_allclose(out, expected_out, rtol=1e-12, atol=1e-14)
    assert_close_all(grads, expected_grads, ["dq", "dk", "dv"])


def test_sdpa_is_stable_for_huge_scores():
    q = np.array([[[1e3, 0.0], [-1e3, 1e3]]])
    k = np.array([[[1e3, 0.0], [0.0, 1e3], [-1e3, -1e3]]])
    v = np.arange(6.0).reshape(1, 3, 2)
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        out, cache = att.scaled_dot_product_attention_forward(q, k, v)
    expected = F.scaled_dot_product_attention(torch.tensor(q), torch.tensor(k), torch.tensor(v)).numpy()
    np.testing.assert_allclose(out, expected, rtol=1e-14)
    np.testing.assert_array_equal(out[0, 0], v[0, 0])  # the first query puts all its weight on key 0


def _torch_mha_grads(module, ours_like):
    e = module.embed_dim
    if module._qkv_same_embed_dim:
        w_q, w_k, w_v = module.in_proj_weight.grad.split(e)
    else:
        w_q, w_k, w_v = module.q_proj_weight.grad, module.k_proj_weight.grad, module.v_proj_weight.grad
    b_q, b_k, b_v = module.in_proj_bias.grad.split(e)
    grads = {"w_q": w_q.T, "b_q": b_q, "w_k": w_k.T, "b_k": b_k, "w_v": w_v.T, "b_v": b_v,
             "w_o": module.out_proj.weight.grad.T, "b_o": module.out_proj.bias.grad}
    return [grads[name].numpy() for name in ours_like]


MHA_CASES = [  # N, L, S, E, heads, kdim, vdim, self-attention
    (2, 5, 5, 8, 2, None, None, True),
    (3, 4, 6, 6, 3, None, None, False),
    (1, 3, 7, 4, 1, 5, 3, False),
    (2, 6, 6, 12, 4, None, None, True),
]


@pytest.mark.parametrize("n, L, S, E, heads, kdim, vdim, is_self", MHA_CASES)
@pytest.mark.parametrize("mask_kind", ["none", "causal", "padding"])
def test_multi_head_attention_matches_torch(n, L, S, E, heads, kdim, vdim, is_self, mask_kind):
    torch.manual_seed(n * 10 + heads)
    module = torch.nn.MultiheadAttention(E, heads, batch_first=True, kdim=kdim, vdim=vdim, dtype=torch.float64)
    with torch.no_grad():  # torch starts the biases at 0; random ones test their gradients too
        module.in_proj_bias.normal_()
        module.out_proj.bias.normal_()
    params = att.multi_head_attention_weights_from_torch(module)
    rng = np.random.default_rng(heads)
    query = rng.normal(size=(n, L, E))
    key = query if is_self else rng.normal(size=(n, S, kdim or E))
    value = query if is_self else rng.normal(size=(n, S, vdim or E))
    dout = rng.normal(size=(n, L, E))

    ours_mask, torch_kwargs = None, {}
    if mask_kind == "causal":
        ours_mask = att.causal_mask(L, S)
        torch_kwargs["attn_mask"] = torch.tensor(~ours_mask)  # torch's MHA: True = blocked
    elif mask_kind == "padding":
        valid = att.padding_mask(rng.integers(1, S + 1, n), S)
        ours_mask = valid[:, None, :]
        torch_kwargs["key_padding_mask"] = torch.tensor(~valid)

    out, cache = att.multi_head_attention_forward(query, key, value, params, heads, ours_mask)
    inputs = [torch.tensor(a, requires_grad=True) for a in (query, key, value)]
    if is_self:
        inputs = [inputs[0]] * 3
    expected_out, expected_weights = module(*inputs, need_weights=True, **torch_kwargs)
    np.testing.assert_allclose(out, expected_out.detach().numpy(), rtol=1e-11, atol=1e-12)
    # torch returns the attention maps averaged over heads
    np.testing.assert_allclose(cache.attention.weights.mean(axis=1), expected_weights.detach().numpy(), rtol=1e-11, atol=1e-13)

    expected_out.backward(torch.tensor(dout))
    dquery, dkey, dvalue, grads = att.multi_head_attention_backward(dout, cache)
    if is_self:
        np.testing.assert_allclose(dquery + dkey + dvalue, inputs[0].grad.numpy(), rtol=1e-10, atol=1e-11)
    else:
        assert_close_all([dquery, dkey, dvalue], [t.grad.numpy() for t in inputs], ["dquery", "dkey", "dvalue"], atol=1e-11)
    assert_close_all(list(grads.values()), _torch_mha_grads(module, grads), list(grads), atol=1e-11)


def test_gradient_check_agrees_with_attention_backwards():
    rng = np.random.default_rng(7)
    q, k, v = rng.normal(size=(2, 3, 4)), rng.normal(size=(2, 4, 4)), rng.normal(size=(2, 4, 2))
    mask = _random_mask(rng, (2, 3, 4))
    dout = rng.normal(size=(2, 3, 2))
    _, cache = att.scaled_dot_product_attention_forward(q, k, v, mask)
    for value, grad in zip((q, k, v), att.scaled_dot_product_attention_backward(dout, cache)):
        assert gradient_check(lambda _: att.scaled_dot_product_attention(q, k, v, mask), value, grad, dout=dout) < 1e-7

    x = rng.normal(size=(1, 3, 4))
    params = {name: rng.normal(size=(4, 4) if name.startswith("w") else 4) for name in att._PARAM_NAMES}
    dout = rng.normal(size=(1, 3, 4))
    _, cache = att.multi_head_attention_forward(x, x, x, params, 2, is_causal=True)
    dquery, dkey, dvalue, grads = att.multi_head_attention_backward(dout, cache)
    forward = lambda _: att.multi_head_attention_forward(x, x, x, params, 2, is_causal=True)[0]  # noqa: E731
    assert gradient_check(forward, x, dquery + dkey + dvalue, dout=dout) < 1e-6
    for name, grad in grads.items():
        if name == "b_k":  # adds the same number to every score of a query: softmax ignores it
            assert np.abs(grad).max() < 1e-14
            assert np.abs(numerical_gradient(forward, params[name], dout=dout)).max() < 1e-8
        else:
            assert gradient_check(forward, params[name], grad, dout=dout) < 1e-6, name


@pytest.mark.parametrize("T, D", [(1, 1), (10, 4), (50, 16), (7, 5)])
def test_sinusoidal_positional_encoding_matches_the_closed_form(T, D):
    encoding = att.sinusoidal_positional_encoding(T, D)
    assert encoding.shape == (T, D) and np.all(np.abs(encoding) <= 1.0)
    for t in range(T):
        for d in range(D):
            angle = t / 10000 ** ((d - d % 2) / D)  # columns 2i and 2i + 1 share the frequency
            expected = math.sin(angle) if d % 2 == 0 else math.cos(angle)
            assert encoding[t, d] == pytest.approx(expected, rel=1e-12, abs=1e-12)
    if D % 2 == 0:  # the PyTorch tutorial's formulation, computed by torch
        position = torch.arange(T, dtype=torch.float64)[:, None]
        div = torch.exp(torch.arange(0, D, 2, dtype=torch.float64) * (-math.log(10000.0) / D))
        pe = torch.zeros(T, D, dtype=torch.float64)
        pe[:, 0::2], pe[:, 1::2] = torch.sin(position * div), torch.cos(position * div)
        np.testing.assert_allclose(encoding, pe.numpy(), rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("call, error, message", [
    (lambda: att.scaled_dot_product_attention(np.ones((2, 3, 4)), np.ones((2, 5, 3)), np.ones((2, 5, 2))), ValueError,
     r"k must have shape \(\.\.\., S, E\)"),
    (lambda: att.scaled_dot_product_attention(np.ones((2, 3, 4)), np.ones((2, 5, 4)), np.ones((2, 4, 2))), ValueError,
     r"v must have shape \(\.\.\., S, Ev\)"),
    (lambda: att.scaled_dot_product_attention(np.ones((2, 3, 4)), np.ones((2, 5, 4)), np.ones((2, 5, 2)), np.ones((3, 4), dtype=bool)),
     ValueError, r"attn_mask must broadcast to \(\.\.\., L, S\) = \(2, 3, 5\), got shape \(3, 4\)"),
    (lambda: att.scaled_dot_product_attention(np.ones((2, 3, 4)), np.ones((2, 5, 4)), np.ones((2, 5, 2)), np.ones((3, 5))),
     TypeError, "attn_mask must be a boolean array"),
    (lambda: att.scaled_dot_product_attention(np.ones(4), np.ones(4), np.ones(4)), ValueError, r"q must have shape \(\.\.\., L, E\)"),
    (lambda: att.multi_head_attention_forward(np.ones((1, 2, 6)), np.ones((1, 2, 6)), np.ones((1, 2, 6)),
                                              {n: np.ones((6, 6) if n[0] == "w" else 6) for n in att._PARAM_NAMES}, 4),
     ValueError, "must be divisible by num_heads = 4"),
    (lambda: att.multi_head_attention_forward(np.ones((1, 2, 6)), np.ones((1, 2, 6)), np.ones((1, 2, 6)), {"w_q": 1}, 2),
     ValueError, "params must be a dict with keys"),
    (lambda: att.padding_mask(np.array([1, 7]), 5), ValueError, r"lengths must lie in \[0, 5\]"),
])
def test_attention_names_what_it_expected(call, error, message):
    with pytest.raises(error, match=message):
        call()


@pytest.mark.parametrize("norm_first", [False, True])
def test_encoder_layer_weights_from_torch_reproduce_the_layer(norm_first):
    """The extracted dict, run through (11.7)/(11.8) in NumPy, gives torch's output."""
    torch.manual_seed(3)
    layer = torch.nn.TransformerEncoderLayer(6, 3, 10, dropout=0.0, batch_first=True, norm_first=norm_first,
                                             dtype=torch.float64).eval()
    with torch.no_grad():
        for parameter in layer.parameters():
            parameter.normal_(0, 0.5)
    params = att.encoder_layer_weights_from_torch(layer)
    assert set(params) == {"attention", "w_1", "b_1", "w_2", "b_2", "gamma_1", "beta_1", "gamma_2", "beta_2"}
    assert params["w_1"].shape == (6, 10) and params["w_2"].shape == (10, 6) and params["b_1"].shape == (10,)
    x = np.random.default_rng(0).normal(size=(2, 4, 6))

    def norm(h, which):
        centred = h - h.mean(axis=-1, keepdims=True)
        scaled = centred / np.sqrt(centred.var(axis=-1, keepdims=True) + 1e-5)
        return params[f"gamma_{which}"] * scaled + params[f"beta_{which}"]

    def attend(h):
        return att.multi_head_attention_forward(h, h, h, params["attention"], 3)[0]

    def feed_forward(h):
        return np.maximum(0, h @ params["w_1"] + params["b_1"]) @ params["w_2"] + params["b_2"]

    if norm_first:
        h = x + attend(norm(x, 1))
        ours = h + feed_forward(norm(h, 2))
    else:
        h = norm(x + attend(x), 1)
        ours = norm(h + feed_forward(h), 2)
    np.testing.assert_allclose(ours, layer(torch.tensor(x)).detach().numpy(), rtol=1e-10, atol=1e-12)


def test_out_and_weights_forms_match_the_forward_functions():
    rng = np.random.default_rng(5)
    q, k, v = rng.normal(size=(2, 3, 4)), rng.normal(size=(2, 5, 4)), rng.normal(size=(2, 5, 2))
    mask = _random_mask(rng, (3, 5))
    out, weights = att.attention_and_weights(q, k, v, mask=mask)
    expected_out, cache = att.scaled_dot_product_attention_forward(q, k, v, mask)
    np.testing.assert_array_equal(out, expected_out)
    np.testing.assert_array_equal(weights, cache.weights)
    assert np.all(weights[:, ~mask] == 0)

    x = rng.normal(size=(2, 4, 6))
    params = {name: rng.normal(size=(6, 6) if name.startswith("w") else 6)
              for name in ("w_q", "b_q", "w_k", "b_k", "w_v", "b_v", "w_o", "b_o")}
    causal = att.causal_mask(4)
    out, weights = att.self_attention_and_weights(x, params, 3, mask=causal)
    expected_out, cache = att.multi_head_attention_forward(x, x, x, params, 3, causal)
    np.testing.assert_array_equal(out, expected_out)
    assert weights.shape == (2, 3, 4, 4)
    np.testing.assert_array_equal(weights, cache.attention.weights)
