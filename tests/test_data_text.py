"""The sentiment corpus: labels follow the negation rule, the vocabulary and padding are right,
and a bag of words cannot read the negated reviews."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression

from dlcourse.data.text import (
    NEGATIVE_WORDS,
    NEGATORS,
    POSITIVE_WORDS,
    Vocabulary,
    bag_of_words,
    make_sentiment_corpus,
    tokenize,
)


def _label_by_the_rule(sentence: str) -> tuple[int, bool]:
    """An independent reading: find the sentiment word, then look for a negator before it."""
    words = tokenize(sentence)
    (position,) = [i for i, w in enumerate(words) if w in POSITIVE_WORDS + NEGATIVE_WORDS]
    negated = any(w in NEGATORS for w in words[:position])
    positive = words[position] in POSITIVE_WORDS
    return int(positive != negated), negated


def test_labels_are_the_adjective_polarity_flipped_by_a_preceding_negator():
    corpus = make_sentiment_corpus(500, 0)
    assert len(corpus) == 500 and corpus.labels.dtype == np.int64 and corpus.negated.dtype == bool
    for sentence, label, negated in zip(corpus.sentences, corpus.labels, corpus.negated):
        assert (label, negated) == _label_by_the_rule(sentence), sentence


def test_corpus_is_reproducible_balanced_and_varied():
    a, b, c = make_sentiment_corpus(4000, 1), make_sentiment_corpus(4000, 1), make_sentiment_corpus(4000, 2)
    assert a.sentences == b.sentences and a.sentences != c.sentences
    assert a.labels.mean() == pytest.approx(0.5, abs=0.03)
    assert a.negated.mean() == pytest.approx(0.5, abs=0.03)
    lengths = [len(tokenize(s)) for s in a.sentences]
    assert min(lengths) < 5 and max(lengths) > 9, "reviews of varied length need padding"
    assert make_sentiment_corpus(1000, 0, negation_fraction=0.0).negated.sum() == 0


def test_no_single_word_predicts_the_label():
    corpus = make_sentiment_corpus(20_000, 3)
    for word in ("good", "bad", "not", "never"):
        has_word = np.array([word in tokenize(s) for s in corpus.sentences])
        assert corpus.labels[has_word].mean() == pytest.approx(0.5, abs=0.07), word


def test_bag_of_words_stays_near_chance_on_negated_reviews():
    train, test = make_sentiment_corpus(3000, 0), make_sentiment_corpus(2000, 1)
    vectorizer = CountVectorizer(token_pattern=r"[a-z0-9']+")
    model = LogisticRegression(max_iter=2000).fit(vectorizer.fit_transform(train.sentences), train.labels)
    correct = model.predict(vectorizer.transform(test.sentences)) == test.labels
    assert correct[test.negated].mean() < 0.6
    # Even with only a few negated reviews to learn from, a linear model cannot get them right:
    # it fits the plain reviews and then reads "not good" as good.
    skewed = make_sentiment_corpus(3000, 4, negation_fraction=0.2)
    model = LogisticRegression(max_iter=2000).fit(vectorizer.transform(skewed.sentences), skewed.labels)
    correct = model.predict(vectorizer.transform(test.sentences)) == test.labels
    assert correct[~test.negated].mean() > 0.95 and correct[test.negated].mean() < 0.5


def test_vocabulary_reserves_padding_and_unknown_and_round_trips():
    corpus = make_sentiment_corpus(300, 0)
    vocabulary = Vocabulary.build(corpus.sentences)
    assert vocabulary.words[:2] == ["<pad>", "<unk>"] and len(vocabulary) == len(set(vocabulary.words))
    tokens, lengths = vocabulary.encode(corpus.sentences)
    assert tokens.dtype == lengths.dtype == np.int64
    assert tokens.shape == (300, lengths.max())
    for row, length, sentence in zip(tokens, lengths, corpus.sentences):
        assert length == len(tokenize(sentence))
        assert np.all(row[length:] == Vocabulary.pad_id) and np.all(row[:length] != Vocabulary.pad_id)
        assert vocabulary.decode(row) == sentence
    unknown, _ = vocabulary.encode(["the zyzzyva was good"])
    assert unknown[0, 1] == Vocabulary.unk_id


def test_vocabulary_ids_do_not_depend_on_sentence_order():
    corpus = make_sentiment_corpus(300, 0)
    assert Vocabulary.build(corpus.sentences).words == Vocabulary.build(corpus.sentences[::-1]).words


def test_bag_of_words_counts_words_and_ignores_padding():
    vocabulary = Vocabulary(["good", "not", "bad"])
    tokens, _ = vocabulary.encode(["not good not", "bad"])
    counts = bag_of_words(tokens, len(vocabulary))
    assert counts.shape == (2, 5)
    np.testing.assert_array_equal(counts[0, 2:], [1, 2, 0])
    np.testing.assert_array_equal(counts[1], [0, 0, 0, 0, 1])


@pytest.mark.parametrize("call, message", [
    (lambda: make_sentiment_corpus(10, 0, negation_fraction=2), r"\[0, 1\]"),
    (lambda: Vocabulary(["a"]).encode("a b"), "list of strings"),
    (lambda: tokenize(3), "str"),
    (lambda: bag_of_words(np.array([[0, 9]]), 5), r"\[0, 5\)"),
])
def test_bad_arguments_say_what_was_expected(call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call()
