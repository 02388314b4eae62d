"""The tiny transformer: positional encoding and attention match their equations and PyTorch,
the encoder layer equals torch's post-LayerNorm layer, and the model learns to reverse and sort."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
from torch import nn
from torch.nn import functional as F

from dlcourse.data.sequences import IGNORE_INDEX, make_reversal_task, make_sorting_task
from dlcourse.models.transformer import (
    MultiHeadSelfAttention,
    TinyTransformer,
    TransformerEncoderLayer,
    causal_mask,
    scaled_dot_product_attention,
    sinusoidal_positional_encoding,
)
from dlcourse.seeding import set_seed
from dlcourse.training import accuracy_from_logits, evaluate, train


@pytest.mark.parametrize("dim", [8, 7])
def test_positional_encoding_follows_the_sine_cosine_formula(dim):
    encoding = sinusoidal_positional_encoding(20, dim)
    assert encoding.shape == (20, dim)
    for t in (0, 3, 19):
        for column in range(dim):
            i = column // 2
            angle = t / 10000 ** (2 * i / dim)
            expected = math.sin(angle) if column % 2 == 0 else math.cos(angle)
            assert encoding[t, column].item() == pytest.approx(expected, abs=1e-5)
    assert encoding.abs().max() <= 1.0


@pytest.mark.parametrize("mask_kind", [None, "bool", "causal", "float"])
def test_attention_matches_pytorch(mask_kind):
    torch.manual_seed(0)
    q, k, v = torch.randn(2, 3, 5, 4), torch.randn(2, 3, 6, 4), torch.randn(2, 3, 6, 7)
    mask = {None: None, "bool": torch.rand(5, 6) > 0.3, "causal": causal_mask(6)[:5],
            "float": torch.randn(5, 6)}[mask_kind]
    if mask_kind == "bool":
        mask[:, 0] = True  # every query keeps at least one key
    out, weights = scaled_dot_product_attention(q, k, v, mask, return_weights=True)
    torch.testing.assert_close(out, F.scaled_dot_product_attention(q, k, v, attn_mask=mask))
    torch.testing.assert_close(weights.sum(-1), torch.ones(2, 3, 5))
    if mask is not None and mask.dtype == torch.bool:
        assert torch.all(weights[..., ~mask] == 0)


def test_causal_mask_lets_position_t_see_only_up_to_t():
    mask = causal_mask(4)
    assert mask.dtype == torch.bool
    for t in range(4):
        assert mask[t].tolist() == [s <= t for s in range(4)]


def _copy_into_torch_layer(ours: TransformerEncoderLayer, theirs: nn.TransformerEncoderLayer) -> None:
    with torch.no_grad():
        theirs.self_attn.in_proj_weight.copy_(ours.self_attn.in_proj.weight)
        theirs.self_attn.in_proj_bias.copy_(ours.self_attn.in_proj.bias)
        theirs.self_attn.out_proj.weight.copy_(ours.self_attn.out_proj.weight)
        theirs.self_attn.out_proj.bias.copy_(ours.self_attn.out_proj.bias)
        for name in ("linear1", "linear2", "norm1", "norm2"):
            getattr(theirs, name).load_state_dict(getattr(ours, name).state_dict())


@pytest.mark.parametrize("with_padding", [False, True])
def test_encoder_layer_equals_torchs_post_layernorm_layer(with_padding):
    torch.manual_seed(0)
    ours = TransformerEncoderLayer(dim=8, num_heads=2, ff_dim=16).double().eval()
    theirs = nn.TransformerEncoderLayer(8, 2, 16, dropout=0.0, batch_first=True, norm_first=False).double().eval()
    _copy_into_torch_layer(ours, theirs)
    x = torch.randn(3, 5, 8, dtype=torch.float64)
    padding = torch.tensor([[False] * 5, [False] * 3 + [True] * 2, [False] * 4 + [True]]) if with_padding else None
    expected = theirs(x, src_key_padding_mask=padding)
    got = ours(x, key_padding_mask=padding)
    if with_padding:  # torch may leave padded query rows unspecified; compare the real ones
        got, expected = got[~padding], expected[~padding]
    torch.testing.assert_close(got, expected)


def test_attention_weights_are_kept_and_ignore_padding():
    torch.manual_seed(0)
    model = TinyTransformer(vocabulary_size=6, dim=8, num_heads=2, num_layers=2, ff_dim=8).eval()
    tokens = torch.tensor([[1, 2, 3, 0], [4, 5, 0, 0]])
    logits = model(tokens)
    assert logits.shape == (2, 4, 6)
    maps = model.attention_maps()
    assert len(maps) == 2 and maps[0].shape == (2, 2, 4, 4)
    assert torch.all(maps[0][0, :, :, 3] == 0) and torch.all(maps[1][1, :, :, 2:] == 0)
    # The real positions' outputs do not depend on what the padding holds.
    torch.testing.assert_close(model(tokens)[0, :3], model(tokens, key_padding_mask=tokens == 0)[0, :3])


def test_self_attention_is_permutation_equivariant_without_positions():
    """Why the notes add positional encodings: attention alone ignores order."""
    torch.manual_seed(0)
    attention = MultiHeadSelfAttention(dim=8, num_heads=2)
    x = torch.randn(1, 5, 8)
    order = torch.tensor([3, 0, 4, 1, 2])
    torch.testing.assert_close(attention(x[:, order]), attention(x)[:, order])


def _sequence_loss(logits, targets):
    return F.cross_entropy(logits.flatten(0, 1), targets.flatten(), ignore_index=IGNORE_INDEX)


@pytest.mark.training
@pytest.mark.parametrize("make", [make_reversal_task, make_sorting_task])
def test_tiny_transformer_learns_the_task(make):
    set_seed(0)
    task, held_out = make(3000, 0, length=8, n_symbols=10), make(1000, 1, length=8, n_symbols=10)
    model = TinyTransformer(task.vocabulary_size, dim=32, num_heads=2, num_layers=2, ff_dim=64)
    history = train(model, _sequence_loss, (task.inputs, task.targets), torch.optim.Adam(model.parameters(), 3e-3),
                    epochs=6, device="cpu", progress=False)
    _, token_accuracy = evaluate(model, _sequence_loss, (held_out.inputs, held_out.targets),
                                 metric=accuracy_from_logits)
    assert token_accuracy > 0.97, f"{make.__name__}: token accuracy {token_accuracy:.3f}"


def test_tiny_transformer_reverses_sequences_of_varied_length():
    set_seed(1)
    task = make_reversal_task(3000, 0, length=8, n_symbols=10, min_length=4)
    held_out = make_reversal_task(500, 1, length=8, n_symbols=10, min_length=4)
    model = TinyTransformer(task.vocabulary_size, dim=32, num_heads=2, num_layers=2, ff_dim=64)
    train(model, _sequence_loss, (task.inputs, task.targets), torch.optim.Adam(model.parameters(), 3e-3),
          epochs=6, device="cpu", progress=False)
    _, token_accuracy = evaluate(model, _sequence_loss, (held_out.inputs, held_out.targets),
                                 metric=accuracy_from_logits)
    assert token_accuracy > 0.95


@pytest.mark.parametrize("call, message", [
    (lambda: MultiHeadSelfAttention(10, 3), "divisible"),
    (lambda: TinyTransformer(5, max_length=4)(torch.ones(1, 6, dtype=torch.long)), "max_length"),
    (lambda: TinyTransformer(5)(torch.ones(1, 6)), "integer ids"),
    (lambda: scaled_dot_product_attention(torch.ones(2, 3), torch.ones(2, 4), torch.ones(2, 3)), "d_k"),
])
def test_bad_arguments_say_what_was_expected(call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call()
