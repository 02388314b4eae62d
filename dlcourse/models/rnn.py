"""A many-to-one recurrent classifier (section 7.1 of the notes): read the tokens in order,
``h_t = cell(x_t, h_{t-1})`` with ``h_0 = 0``, and predict from the last real hidden state,
``p(y | x_1..x_T) = softmax(W h_T + b)``.

Padding: sequences of a batch are right-padded to one length. A unidirectional RNN's state at
the last real token has not seen the padding yet, so the classifier reads the output at position
``length - 1`` of each row rather than the one at the end of the padded batch.
"""

from __future__ import annotations

import torch
from torch import nn

from dlcourse._validate import check_choice, as_positive_int

__all__ = ["SequenceClassifier", "RECURRENT_CELLS"]

RECURRENT_CELLS = {"rnn": nn.RNN, "lstm": nn.LSTM, "gru": nn.GRU}


class SequenceClassifier(nn.Module):
    """Embedding -> recurrent layers (``"rnn"`` (tanh), ``"lstm"`` or ``"gru"``) -> linear.

    Args:
        vocabulary_size: number of token ids V (id ``padding_idx`` is padding).
        n_classes: number of outputs (logits); use 2 with cross-entropy for binary sentiment.
        embedding_dim, hidden_size: sizes D and H.
        cell: the recurrent cell.
        num_layers: stacked recurrent layers.
        padding_idx: the id of the padding token; its embedding stays zero.

    Shapes:
        tokens (N, T) int64, lengths (N,) -> logits (N, n_classes).
        Give either ``lengths`` (real tokens per row) or ``mask`` (N, T) bool, True at real tokens;
        with neither, every id other than ``padding_idx`` counts as real.
    """

    def __init__(self, vocabulary_size: int, n_classes: int = 2, embedding_dim: int = 32, hidden_size: int = 64,
                 cell: str = "lstm", num_layers: int = 1, padding_idx: int = 0):
        super().__init__()
        check_choice(cell, "cell", RECURRENT_CELLS)
        self.cell = cell
        self.padding_idx = padding_idx
        self.embedding = nn.Embedding(as_positive_int(vocabulary_size, "vocabulary_size"),
                                      as_positive_int(embedding_dim, "embedding_dim"), padding_idx=padding_idx)
        self.recurrent = RECURRENT_CELLS[cell](embedding_dim, as_positive_int(hidden_size, "hidden_size"),
                                               num_layers=as_positive_int(num_layers, "num_layers"),
                                               batch_first=True)
        self.output = nn.Linear(hidden_size, as_positive_int(n_classes, "n_classes"))

    def _lengths(self, tokens: torch.Tensor, lengths, mask) -> torch.Tensor:
        if lengths is None:
            mask = tokens != self.padding_idx if mask is None else mask
            if mask.shape != tokens.shape or mask.dtype != torch.bool:
                raise ValueError(f"mask must be a bool tensor of shape {tuple(tokens.shape)}, got "
                                 f"{mask.dtype} {tuple(mask.shape)}")
            lengths = mask.sum(dim=1)
        lengths = torch.as_tensor(lengths, device=tokens.device)
        if lengths.shape != tokens.shape[:1]:
            raise ValueError(f"lengths must have shape ({tokens.shape[0]},), got {tuple(lengths.shape)}")
        if torch.any(lengths < 1) or torch.any(lengths > tokens.shape[1]):
            raise ValueError(f"every length must lie in 1..{tokens.shape[1]} (the padded length)")
        return lengths.long()

    def hidden_states(self, tokens: torch.Tensor) -> torch.Tensor:
        """The last layer's hidden state at every position, (N, T) -> (N, T, H)."""
        if tokens.dim() != 2 or tokens.dtype not in (torch.int64, torch.int32):
            raise ValueError(f"tokens must be integer ids of shape (N, T), got {tokens.dtype} {tuple(tokens.shape)}")
        outputs, _ = self.recurrent(self.embedding(tokens))  # (N, T) -> (N, T, D) -> (N, T, H)
        return outputs

    def forward(self, tokens: torch.Tensor, lengths: torch.Tensor | None = None,
                mask: torch.Tensor | None = None) -> torch.Tensor:
        outputs = self.hidden_states(tokens)  # (N, T, H)
        last = self._lengths(tokens, lengths, mask) - 1  # (N,)
        final = outputs[torch.arange(len(tokens), device=tokens.device), last]  # (N, H): h at each row's last token
        return self.output(final)  # (N, n_classes)
