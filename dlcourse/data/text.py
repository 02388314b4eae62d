"""A generated sentiment corpus in which word order matters.

Every review is one short clause, ``[opener] subject verb [intensifier] adjective [ending]``,
where the verb may carry a negator: "honestly the plot was not very clever to me", "the cast
never seemed funny". Its label is the adjective's polarity, flipped when a negator ("not",
"never") stands before it: the negator's scope is the phrase that follows it, intensifier
included.

Why a bag of words fails: a linear model on word counts scores "not good" as
``w_not + w_good`` and "not bad" as ``w_not + w_bad``. Getting the plain reviews right needs
``w_good > w_bad``, getting the negated ones right needs ``w_not + w_good < w_not + w_bad``: no
weights do both, so on the negated reviews such a model is at best at chance. A recurrent model
reads the words in order and can carry "a negator was just seen" to the adjective.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from dlcourse._validate import as_probability, as_positive_int
from dlcourse.seeding import as_generator

__all__ = [
    "POSITIVE_WORDS",
    "NEGATIVE_WORDS",
    "NEGATORS",
    "SentimentCorpus",
    "make_sentiment_corpus",
    "tokenize",
    "Vocabulary",
    "bag_of_words",
]

POSITIVE_WORDS = ("good", "great", "excellent", "wonderful", "enjoyable", "brilliant", "charming", "clever",
                  "funny", "moving")
NEGATIVE_WORDS = ("bad", "boring", "awful", "dull", "terrible", "weak", "poor", "tedious", "clumsy",
                  "predictable")
NEGATORS = ("not", "never")
# Words that carry no sentiment; they vary the length and the position of the words that do.
_OPENERS = ("", "honestly", "overall", "i think", "to be fair", "in the end", "frankly")
_SUBJECTS = ("the movie", "the film", "this film", "the acting", "the plot", "the story", "the ending",
             "the soundtrack", "the cast", "the dialogue")
_VERBS = ("was", "is", "felt", "seemed")
# The same verbs with a negator, written the way English places it.
_NEGATED_VERBS = ("was not", "is not", "did not feel", "did not seem", "was never", "is never", "never felt",
                  "never seemed")
_INTENSIFIERS = ("", "", "very", "really", "so", "truly", "particularly")
_ENDINGS = ("", "", "to me", "if you ask me", "in my opinion", "for a sequel")


@dataclass(frozen=True)
class SentimentCorpus:
    """Generated reviews.

    Attributes:
        sentences: the n reviews, lower case, words separated by single spaces.
        labels: shape (n,), int64; 1 positive, 0 negative.
        negated: shape (n,), bool; True where a negator flips the adjective's polarity.
    """

    sentences: list[str]
    labels: np.ndarray
    negated: np.ndarray

    def __len__(self) -> int:
        return len(self.sentences)


def make_sentiment_corpus(
    n: int,
    rng: np.random.Generator | int,
    negation_fraction: float = 0.5,
) -> SentimentCorpus:
    """Draw ``n`` reviews: the adjective's polarity is a fair coin, and a negator is put before
    it with probability ``negation_fraction``. ``label = polarity XOR negated``.

    With the default ``negation_fraction = 0.5`` no single word predicts the label: the corpus is
    balanced within every adjective and within the negators.
    """
    n = as_positive_int(n, "n")
    negation_fraction = as_probability(negation_fraction, "negation_fraction")
    rng = as_generator(rng)

    def pick(words: Sequence[str]) -> str:
        return words[rng.integers(len(words))]

    positive = rng.uniform(size=n) < 0.5
    negated = rng.uniform(size=n) < negation_fraction
    sentences = []
    for is_positive, is_negated in zip(positive, negated):
        adjective = pick(POSITIVE_WORDS if is_positive else NEGATIVE_WORDS)
        verb = pick(_NEGATED_VERBS if is_negated else _VERBS)
        words = [pick(_OPENERS), pick(_SUBJECTS), verb, pick(_INTENSIFIERS), adjective, pick(_ENDINGS)]
        sentences.append(" ".join(word for word in words if word))
    labels = (positive != negated).astype(np.int64)
    return SentimentCorpus(sentences, labels, negated.copy())


def tokenize(sentence: str) -> list[str]:
    """Lower-case words: letters, digits and apostrophes; everything else separates words."""
    if not isinstance(sentence, str):
        raise TypeError(f"sentence must be a str, got {type(sentence).__name__}")
    return re.findall(r"[a-z0-9']+", sentence.lower())


class Vocabulary:
    """A mapping between words and integer ids.

    Id 0 is the padding token ``<pad>`` (what fills a short sequence up to the batch's length) and
    id 1 is ``<unk>`` (any word not seen when the vocabulary was built); the other words follow by
    decreasing frequency, ties in alphabetical order, so the ids do not depend on dict order.
    """

    PAD = "<pad>"
    UNK = "<unk>"
    pad_id = 0
    unk_id = 1

    def __init__(self, words: Iterable[str]):
        self.words: list[str] = [self.PAD, self.UNK]
        self.ids: dict[str, int] = {self.PAD: self.pad_id, self.UNK: self.unk_id}
        for word in words:
            if word not in self.ids:  # keep the first occurrence's id
                self.ids[word] = len(self.words)
                self.words.append(word)

    @classmethod
    def build(cls, sentences: Iterable[str], min_count: int = 1) -> "Vocabulary":
        """The vocabulary of the words that occur at least ``min_count`` times in ``sentences``."""
        min_count = as_positive_int(min_count, "min_count")
        counts = Counter(word for sentence in sentences for word in tokenize(sentence))
        ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        return cls(word for word, count in ranked if count >= min_count)

    def __len__(self) -> int:
        return len(self.words)

    def encode(self, sentences: Sequence[str], max_length: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        """Token ids, right-padded with ``pad_id`` to one length.

        Args:
            sentences: n strings.
            max_length: truncate longer sentences to this many words; default the longest.

        Returns:
            tokens: shape (n, T), int64, ``T`` the longest (truncated) length.
            lengths: shape (n,), int64, the number of real (non-padding) tokens of each row.
        """
        if isinstance(sentences, str):
            raise TypeError("sentences must be a list of strings, got a single str: wrap it in a list")
        ids = [[self.ids.get(word, self.unk_id) for word in tokenize(s)] for s in sentences]
        if max_length is not None:
            ids = [row[: as_positive_int(max_length, "max_length")] for row in ids]
        lengths = np.array([len(row) for row in ids], dtype=np.int64)
        tokens = np.full((len(ids), max(lengths, default=0)), self.pad_id, dtype=np.int64)
        for row, row_ids in zip(tokens, ids):
            row[: len(row_ids)] = row_ids
        return tokens, lengths

    def decode(self, tokens: Sequence[int]) -> str:
        """The words of a row of token ids, padding dropped."""
        return " ".join(self.words[int(i)] for i in tokens if int(i) != self.pad_id)


def bag_of_words(tokens: np.ndarray, vocabulary_size: int, pad_id: int = Vocabulary.pad_id) -> np.ndarray:
    """Word counts: ``counts[i, v]`` is how often id ``v`` occurs in row ``i`` (padding not counted).

    Args:
        tokens: shape (n, T), integer ids in [0, vocabulary_size).

    Returns:
        shape (n, vocabulary_size), float64. The order of the words is gone.
    """
    tokens = np.asarray(tokens)
    if tokens.ndim != 2 or not np.issubdtype(tokens.dtype, np.integer):
        raise ValueError(f"tokens must be an integer array of shape (n, T), got {tokens.dtype} {tokens.shape}")
    vocabulary_size = as_positive_int(vocabulary_size, "vocabulary_size")
    if tokens.size and (tokens.min() < 0 or tokens.max() >= vocabulary_size):
        raise ValueError(f"token ids must lie in [0, {vocabulary_size}), got {tokens.min()}..{tokens.max()}")
    counts = np.zeros((len(tokens), vocabulary_size))
    rows = np.repeat(np.arange(len(tokens)), tokens.shape[1])
    np.add.at(counts, (rows, tokens.ravel()), 1.0)
    counts[:, pad_id] = 0.0
    return counts
