"""A tiny transformer encoder (section 8 of the notes), small enough to train on a CPU in seconds.

- Positional encoding: ``P[t, 2i] = sin(t / 10000^(2i/D))``, ``P[t, 2i+1] = cos(t / 10000^(2i/D))``,
  added to the token embeddings: ``X~ = X + P``.
- Attention: ``softmax(Q K^T / sqrt(d_k)) V``, one softmax per query row.
- Encoder layer, post-LayerNorm as in the notes (and the original transformer):
  ``X_1 = LayerNorm(X~ + MHSA(X~))``, ``X_2 = LayerNorm(X_1 + PWFF(X_1))`` with
  ``PWFF(x) = ReLU(x W_0 + b_0) W_1 + b_1`` applied at every position.

The function and class names are PyTorch's (``scaled_dot_product_attention``,
``TransformerEncoderLayer``), as in the from-scratch half, and the layer's parameters are laid out
as in ``torch.nn.TransformerEncoderLayer``, so weights can be copied between the two.
"""

from __future__ import annotations

import math

import torch
from torch import nn

from dlcourse._validate import as_positive_int
from dlcourse.scratch import attention as scratch_attention

__all__ = [
    "sinusoidal_positional_encoding",
    "scaled_dot_product_attention",
    "causal_mask",
    "MultiHeadSelfAttention",
    "TransformerEncoderLayer",
    "TinyTransformer",
]


def sinusoidal_positional_encoding(num_positions: int, dim: int) -> torch.Tensor:
    """The matrix P of sinusoidal positional encodings, shape (num_positions, dim), values in [-1, 1].

    Even columns 2i hold ``sin(t / 10000^(2i/dim))``, odd columns 2i+1 the matching cosine, for
    positions ``t = 0, ..., num_positions - 1``. Low columns oscillate fast, high columns slowly.
    The from-scratch :func:`dlcourse.scratch.attention.sinusoidal_positional_encoding` computes it
    (in float64); this returns it as a tensor of torch's default dtype.
    """
    encoding = scratch_attention.sinusoidal_positional_encoding(num_positions, dim)  # (T, D)
    return torch.as_tensor(encoding, dtype=torch.get_default_dtype())


def causal_mask(length: int, device=None) -> torch.Tensor:
    """Shape (length, length), bool: True where query t may attend to key s, i.e. s <= t."""
    return torch.ones(length, length, dtype=torch.bool, device=device).tril()


def scaled_dot_product_attention(
    query: torch.Tensor,
    key: torch.Tensor,
    value: torch.Tensor,
    attn_mask: torch.Tensor | None = None,
    return_weights: bool = False,
):
    """``softmax(Q K^T / sqrt(d_k) + M) V``, batched over leading dimensions.

    Args:
        query: (..., T_q, d_k); key: (..., T_k, d_k); value: (..., T_k, d_v).
        attn_mask: broadcastable to (..., T_q, T_k); bool (True where the query may attend to the
            key, as in ``torch.nn.functional.scaled_dot_product_attention``) or float (added to
            the scores, -inf to block).
        return_weights: also return the attention weights.

    Returns:
        output (..., T_q, d_v), and with ``return_weights`` the weights (..., T_q, T_k), each row
        summing to 1.
    """
    if query.shape[-1] != key.shape[-1] or key.shape[-2] != value.shape[-2]:
        raise ValueError(
            "expected query (..., T_q, d_k), key (..., T_k, d_k), value (..., T_k, d_v); got "
            f"{tuple(query.shape)}, {tuple(key.shape)}, {tuple(value.shape)}"
        )
    scores = query @ key.transpose(-2, -1) / math.sqrt(query.shape[-1])  # (..., T_q, T_k)
    if attn_mask is not None:
        if attn_mask.dtype == torch.bool:
            scores = scores.masked_fill(~attn_mask, float("-inf"))
        else:
            scores = scores + attn_mask
    weights = torch.softmax(scores, dim=-1)  # (..., T_q, T_k)
    output = weights @ value  # (..., T_q, d_v)
    return (output, weights) if return_weights else output


class MultiHeadSelfAttention(nn.Module):
    """Multi-head self-attention: every position attends to every (unmasked) position.

    ``Q, K, V = X W_q, X W_k, X W_v`` (one fused projection ``in_proj``, rows in the order q, k, v
    as in ``torch.nn.MultiheadAttention``), split into ``num_heads`` heads of ``dim / num_heads``
    features, attention per head, heads concatenated and projected by ``out_proj``.

    Shapes:
        x (N, T, dim) -> (N, T, dim). ``key_padding_mask`` (N, T) bool, True at padding (those
        keys get no attention). The last call's weights are kept in ``attention_weights``,
        (N, num_heads, T, T), for plotting.
    """

    def __init__(self, dim: int, num_heads: int):
        super().__init__()
        dim = as_positive_int(dim, "dim")
        self.num_heads = as_positive_int(num_heads, "num_heads")
        if dim % num_heads:
            raise ValueError(f"dim ({dim}) must be divisible by num_heads ({num_heads})")
        self.in_proj = nn.Linear(dim, 3 * dim)
        self.out_proj = nn.Linear(dim, dim)
        self.attention_weights: torch.Tensor | None = None

    def forward(self, x: torch.Tensor, key_padding_mask: torch.Tensor | None = None,
                is_causal: bool = False) -> torch.Tensor:
        n, t, dim = x.shape
        q, k, v = self.in_proj(x).split(dim, dim=-1)  # (N, T, 3D) -> 3 x (N, T, D)
        # (N, T, D) -> (N, T, heads, D / heads) -> (N, heads, T, D / heads)
        q, k, v = (z.view(n, t, self.num_heads, dim // self.num_heads).transpose(1, 2) for z in (q, k, v))
        allowed = torch.ones(n, 1, t, t, dtype=torch.bool, device=x.device)
        if key_padding_mask is not None:
            allowed = allowed & ~key_padding_mask[:, None, None, :]  # (N, 1, 1, T_k)
        if is_causal:
            allowed = allowed & causal_mask(t, x.device)
        out, weights = scaled_dot_product_attention(q, k, v, allowed, return_weights=True)
        self.attention_weights = weights.detach()  # (N, heads, T, T)
        out = out.transpose(1, 2).reshape(n, t, dim)  # (N, heads, T, D / heads) -> (N, T, D)
        return self.out_proj(out)


class TransformerEncoderLayer(nn.Module):
    """One post-LayerNorm encoder layer:
    ``X_1 = LayerNorm(X + MHSA(X))``, ``X_2 = LayerNorm(X_1 + W_1 ReLU(W_0 X_1))``.

    Same computation and parameter layout as ``torch.nn.TransformerEncoderLayer(dim, num_heads,
    ff_dim, dropout, batch_first=True)`` (``norm_first=False``, ReLU).

    Shapes:
        x (N, T, dim) -> (N, T, dim); ``key_padding_mask`` (N, T) bool, True at padding.
    """

    def __init__(self, dim: int, num_heads: int, ff_dim: int, dropout: float = 0.0):
        super().__init__()
        self.self_attn = MultiHeadSelfAttention(dim, num_heads)
        self.linear1 = nn.Linear(dim, as_positive_int(ff_dim, "ff_dim"))
        self.linear2 = nn.Linear(ff_dim, dim)
        self.norm1 = nn.LayerNorm(dim)
        self.norm2 = nn.LayerNorm(dim)
        self.dropout = nn.Dropout(dropout)

    def forward(self, x: torch.Tensor, key_padding_mask: torch.Tensor | None = None,
                is_causal: bool = False) -> torch.Tensor:
        x = self.norm1(x + self.dropout(self.self_attn(x, key_padding_mask, is_causal)))
        feed_forward = self.linear2(self.dropout(torch.relu(self.linear1(x))))  # (N, T, D) -> (N, T, F) -> (N, T, D)
        return self.norm2(x + self.dropout(feed_forward))


class TinyTransformer(nn.Module):
    """Token embedding + sinusoidal positions -> ``num_layers`` encoder layers -> a linear
    classifier at every position: a sequence-to-sequence model for aligned tasks such as
    reversing or sorting a sequence.

    Args:
        vocabulary_size: number of token ids V; id ``padding_idx`` is padding.
        n_outputs: classes per position (default V).
        dim, num_heads, num_layers, ff_dim: model width, heads per layer, layers, feed-forward width.
        max_length: the longest sequence the positional encoding covers.
        is_causal: let each position attend only to itself and earlier ones (a decoder's mask).

    Shapes:
        tokens (N, T) int64 -> logits (N, T, n_outputs). Padding positions (tokens equal to
        ``padding_idx``, or ``key_padding_mask`` (N, T) True) receive no attention.
        ``attention_maps()`` returns the last call's weights, one (N, num_heads, T, T) per layer.
    """

    def __init__(self, vocabulary_size: int, n_outputs: int | None = None, dim: int = 64, num_heads: int = 4,
                 num_layers: int = 2, ff_dim: int = 128, max_length: int = 128, padding_idx: int = 0,
                 dropout: float = 0.0, is_causal: bool = False):
        super().__init__()
        vocabulary_size = as_positive_int(vocabulary_size, "vocabulary_size")
        self.padding_idx = padding_idx
        self.is_causal = is_causal
        self.embedding = nn.Embedding(vocabulary_size, dim, padding_idx=padding_idx)
        # A buffer, not a parameter: it moves with .to(device) but is never trained.
        self.register_buffer("positional_encoding", sinusoidal_positional_encoding(max_length, dim), persistent=False)
        self.layers = nn.ModuleList(
            TransformerEncoderLayer(dim, num_heads, ff_dim, dropout)
            for _ in range(as_positive_int(num_layers, "num_layers"))
        )
        self.output = nn.Linear(dim, n_outputs or vocabulary_size)

    def forward(self, tokens: torch.Tensor, key_padding_mask: torch.Tensor | None = None) -> torch.Tensor:
        if tokens.dim() != 2 or tokens.dtype not in (torch.int64, torch.int32):
            raise ValueError(f"tokens must be integer ids of shape (N, T), got {tokens.dtype} {tuple(tokens.shape)}")
        length = tokens.shape[1]
        if length > len(self.positional_encoding):
            raise ValueError(f"sequences of length {length} exceed max_length={len(self.positional_encoding)}")
        if key_padding_mask is None:
            key_padding_mask = tokens == self.padding_idx  # (N, T)
        x = self.embedding(tokens) + self.positional_encoding[:length]  # (N, T) -> (N, T, D)
        for layer in self.layers:
            x = layer(x, key_padding_mask, self.is_causal)
        return self.output(x)  # (N, T, D) -> (N, T, n_outputs)

    def attention_maps(self) -> list[torch.Tensor]:
        """The attention weights of the last forward pass, one (N, num_heads, T, T) per layer."""
        return [layer.self_attn.attention_weights for layer in self.layers]
