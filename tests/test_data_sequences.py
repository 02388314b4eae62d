"""Reversal and sorting tasks: targets are the reversed/sorted inputs, padding is marked."""

from __future__ import annotations

import numpy as np
import pytest

from dlcourse.data.sequences import IGNORE_INDEX, PAD_TOKEN, make_reversal_task, make_sorting_task, make_delay_task


@pytest.mark.parametrize("make", [make_reversal_task, make_sorting_task])
def test_shapes_dtypes_padding_and_reproducibility(make):
    task = make(200, 0, length=7, n_symbols=5, min_length=3)
    assert task.inputs.shape == task.targets.shape == (200, 7) and task.lengths.shape == (200,)
    assert task.inputs.dtype == task.targets.dtype == task.lengths.dtype == np.int64
    assert task.vocabulary_size == 6
    assert set(np.unique(task.lengths)) == {3, 4, 5, 6, 7}
    np.testing.assert_array_equal(task.padding_mask, task.inputs == PAD_TOKEN)
    np.testing.assert_array_equal(task.padding_mask, task.targets == IGNORE_INDEX)
    assert task.inputs[~task.padding_mask].min() >= 1 and task.inputs.max() <= 5
    np.testing.assert_array_equal(make(200, 0, length=7, n_symbols=5, min_length=3).inputs, task.inputs)
    assert not np.array_equal(make(200, 1, length=7, n_symbols=5, min_length=3).inputs, task.inputs)


def test_reversal_targets_are_the_reversed_real_tokens():
    task = make_reversal_task(100, 2, length=9, min_length=2)
    for inputs, targets, length in zip(task.inputs, task.targets, task.lengths):
        assert list(targets[:length]) == list(inputs[:length])[::-1]


def test_sorting_targets_are_the_sorted_real_tokens():
    task = make_sorting_task(100, 2, length=9, min_length=2)
    for inputs, targets, length in zip(task.inputs, task.targets, task.lengths):
        assert list(targets[:length]) == sorted(inputs[:length])


def test_fixed_length_by_default():
    task = make_reversal_task(50, 0, length=6)
    assert np.all(task.lengths == 6) and not task.padding_mask.any()


@pytest.mark.parametrize("call, message", [
    (lambda: make_reversal_task(10, 0, length=4, min_length=5), "at most length"),
    (lambda: make_sorting_task(10, 0, n_symbols=1), "at least 2"),
    (lambda: make_sorting_task(10, 0, length=0), "positive integer"),
])
def test_bad_arguments_say_what_was_expected(call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call()


def test_delay_task_label_is_the_first_token_and_the_rest_is_blank():
    tokens, labels = make_delay_task(300, 0, delay=7, n_symbols=5)
    assert tokens.shape == (300, 8) and tokens.dtype == np.int64 and labels.dtype == np.int64
    np.testing.assert_array_equal(tokens[:, 0], labels + 1)
    assert np.all(tokens[:, 1:] == 6)
    assert set(np.unique(labels)) == set(range(5))
    np.testing.assert_array_equal(make_delay_task(300, 0, delay=7, n_symbols=5)[0], tokens)


def test_delay_task_with_no_delay_and_bad_arguments():
    tokens, labels = make_delay_task(4, 1, delay=0)
    assert tokens.shape == (4, 1)
    with pytest.raises(ValueError, match="non-negative"):
        make_delay_task(4, 1, delay=-1)
    with pytest.raises(ValueError, match="at least 2"):
        make_delay_task(4, 1, delay=3, n_symbols=1)
