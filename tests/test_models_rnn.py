"""The recurrent sequence classifier: padding does not change its prediction, and it reads the
negated reviews that defeat a bag of words."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from torch.nn import functional as F

from dlcourse.data.text import Vocabulary, make_sentiment_corpus
from dlcourse.models.rnn import SequenceClassifier
from dlcourse.seeding import set_seed
from dlcourse.training import predict, train


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_padding_and_lengths_or_masks_give_the_unpadded_result(cell):
    torch.manual_seed(0)
    model = SequenceClassifier(vocabulary_size=12, n_classes=3, embedding_dim=5, hidden_size=7, cell=cell).eval()
    sequence = torch.tensor([[4, 7, 2, 9]])
    alone = model(sequence, torch.tensor([4]))
    padded = torch.tensor([[4, 7, 2, 9, 0, 0, 0], [3, 3, 0, 0, 0, 0, 0]])
    lengths = torch.tensor([4, 2])
    torch.testing.assert_close(model(padded, lengths)[0], alone[0])
    torch.testing.assert_close(model(padded, mask=padded != 0), model(padded, lengths))
    torch.testing.assert_close(model(padded), model(padded, lengths))  # lengths read off the padding id
    assert model(padded, lengths).shape == (2, 3)


def test_the_classifier_reads_the_last_real_hidden_state_of_the_recurrent_layer():
    torch.manual_seed(0)
    model = SequenceClassifier(vocabulary_size=6, n_classes=2, embedding_dim=3, hidden_size=4, cell="gru").eval()
    tokens = torch.tensor([[1, 2, 3]])
    _, final = model.recurrent(model.embedding(tokens))  # the GRU's own last state, (layers, N, H)
    torch.testing.assert_close(model(tokens), model.output(final[-1]))


@pytest.mark.training
def test_recurrent_model_learns_negation_where_bag_of_words_fails():
    train_corpus, test_corpus = make_sentiment_corpus(2000, 0), make_sentiment_corpus(1000, 1)
    vectorizer = CountVectorizer(token_pattern=r"[a-z0-9']+")
    baseline = LogisticRegression(max_iter=2000).fit(vectorizer.fit_transform(train_corpus.sentences),
                                                     train_corpus.labels)
    bow_correct = baseline.predict(vectorizer.transform(test_corpus.sentences)) == test_corpus.labels

    set_seed(0)
    vocabulary = Vocabulary.build(train_corpus.sentences)
    tokens, lengths = vocabulary.encode(train_corpus.sentences)
    model = SequenceClassifier(len(vocabulary), n_classes=2, embedding_dim=16, hidden_size=32, cell="lstm")
    history = train(model, F.cross_entropy, (tokens, lengths, train_corpus.labels),
                    torch.optim.Adam(model.parameters(), lr=1e-2), epochs=6, device="cpu", progress=False)
    logits = predict(model, vocabulary.encode(test_corpus.sentences))
    rnn_correct = logits.argmax(dim=1).numpy() == test_corpus.labels

    negated = test_corpus.negated
    assert bow_correct[negated].mean() < 0.6
    assert rnn_correct[negated].mean() > 0.9, f"LSTM on negated reviews: {rnn_correct[negated].mean():.3f}"
    assert rnn_correct.mean() > bow_correct.mean() + 0.3


@pytest.mark.parametrize("call, message", [
    (lambda: SequenceClassifier(10, cell="transformer"), "'lstm'"),
    (lambda: SequenceClassifier(10)(torch.zeros(2, 3)), "integer ids"),
    (lambda: SequenceClassifier(10)(torch.ones(2, 3, dtype=torch.long), torch.tensor([3, 4])), "1..3"),
    (lambda: SequenceClassifier(10)(torch.ones(2, 3, dtype=torch.long), torch.tensor([3])), r"shape \(2,\)"),
])
def test_bad_arguments_say_what_was_expected(call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call()
