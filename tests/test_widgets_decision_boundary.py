"""The decision-boundary explorer of chapter 04: its data and computation on their own, then the
widget driven through its controls, checked against an independent computation."""

from __future__ import annotations

import re

import numpy as np
import pytest
from sklearn.metrics import accuracy_score

from dlcourse.data.classification import blob_centers, make_blobs, make_spirals
from dlcourse.plots.decision import decision_grid
from dlcourse.scratch.polynomial_classifier import fit_polynomial_softmax
from dlcourse.widgets.decision_boundary import (
    DATASETS,
    L2_CHOICES,
    MAX_ITER,
    DecisionBoundaryExplorer,
    explore,
    explorer_data,
    status_text,
)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _independent_accuracies(dataset, degree, l2, noise, num_train):
    """The accuracies the explorer should show, from the data generators themselves (400
    training candidates, then 300 validation points) and scikit-learn's accuracy."""
    if dataset == "spirals":
        X, y = make_spirals(700, 0, n_arms=3, turns=0.5, noise=noise)
    else:
        X, y = make_blobs(700, 0, n_classes=3, spread=noise)
    model = fit_polynomial_softmax(X[:num_train], y[:num_train], degree, l2, 3, max_iter=MAX_ITER)
    return (accuracy_score(y[:num_train], model.predict(X[:num_train])),
            accuracy_score(y[400:], model.predict(X[400:])))


def _shown_accuracies(explorer):
    text = explorer.status.value
    train = re.search(r"training accuracy (\d\.\d{3}) \((\d+) points\)", text)
    val = re.search(r"validation accuracy (\d\.\d{3}) \((\d+) points\)", text)
    assert train and val, f"the text under the figure shows no accuracies: {text!r}"
    return float(train.group(1)), int(train.group(2)), float(val.group(1)), int(val.group(2))


def test_data_are_reproducible_cached_and_nested():
    small, large = explorer_data("spirals", 0.2, 40), explorer_data("spirals", 0.2, 200)
    again = explorer_data("spirals", 0.2, 40)
    assert np.shares_memory(small.X_train, again.X_train), "the data of one setting must come from the cache"
    np.testing.assert_array_equal(large.X_train[:40], small.X_train)  # more data adds points
    np.testing.assert_array_equal(large.X_val, small.X_val)            # the validation set never changes
    assert small.X_val.shape == (300, 2) and small.y_train.shape == (40,)
    assert small.bounds == DATASETS["spirals"]
    with pytest.raises(ValueError):
        small.X_train[0, 0] = 1.0  # read-only: a caller cannot corrupt the cache


def test_noise_moves_the_same_points_smoothly():
    centres = blob_centers(3)
    low, high = explorer_data("blobs", 0.2, 100), explorer_data("blobs", 0.6, 100)
    np.testing.assert_array_equal(low.y_train, high.y_train)
    np.testing.assert_allclose((low.X_train - centres[low.y_train]) / 0.2,
                               (high.X_train - centres[high.y_train]) / 0.6, atol=1e-12)


@pytest.mark.parametrize("dataset, degree, l2, noise, num_train", [
    ("spirals", 5, 0.0, 0.1, 60), ("spirals", 9, 1e-3, 0.2, 200), ("blobs", 3, 1e-5, 0.8, 40),
])
def test_explore_computes_what_it_shows(dataset, degree, l2, noise, num_train):
    state = explore(dataset, degree, l2, noise, num_train, grid_size=80)
    train_accuracy, val_accuracy = _independent_accuracies(dataset, degree, l2, noise, num_train)
    assert state.train_accuracy == pytest.approx(train_accuracy)
    assert state.val_accuracy == pytest.approx(val_accuracy)
    # The fast grid (monomials computed once per degree) predicts what the model predicts.
    np.testing.assert_array_equal(state.regions, decision_grid(state.model.predict, state.data.bounds, 80))
    assert f"training accuracy {train_accuracy:.3f} ({num_train} points)" in status_text(state)


def test_the_widget_shows_its_first_state_and_updates_in_place():
    explorer = DecisionBoundaryExplorer(grid_size=80)
    expected = _independent_accuracies("spirals", 5, 0.0, 0.15, 120)  # the default setting
    assert _shown_accuracies(explorer) == pytest.approx((round(expected[0], 3), 120, round(expected[1], 3), 300))
    image, figure = explorer.live_figure.image, explorer.live_figure.figure
    regions = explorer.artists.regions.regions.get_array().copy()
    before = bytes(image.value)
    assert before.startswith(PNG_SIGNATURE)

    explorer.controls["degree"].value = 1  # what a student's drag does
    assert explorer.live_figure.image is image and explorer.live_figure.figure is figure
    assert bytes(image.value) != before and bytes(image.value).startswith(PNG_SIGNATURE)
    assert not np.array_equal(explorer.artists.regions.regions.get_array(), regions), "the regions did not change"
    train, n_train, val, n_val = _shown_accuracies(explorer)
    expected = _independent_accuracies("spirals", 1, 0.0, 0.15, 120)
    assert (train, n_train, val, n_val) == pytest.approx((round(expected[0], 3), 120, round(expected[1], 3), 300))
    assert explorer.last_redraw_seconds > 0
    assert len(figure.axes) == 1 and len(figure.axes[0].images) == 1


@pytest.mark.parametrize("setting", [
    dict(degree=12, l2=0.0, noise=0.25, num_train=100),
    dict(l2=1e-3),
    dict(dataset="blobs", noise=0.9, num_train=40, degree=7, l2=1e-5),
    dict(dataset="blobs", degree=2, l2=1.0, num_train=400),
])
def test_every_control_reaches_the_displayed_accuracies(setting):
    explorer = DecisionBoundaryExplorer(grid_size=60)
    explorer.set(**setting)
    values = explorer.values
    expected = _independent_accuracies(values["dataset"], values["degree"], values["l2"], values["noise"],
                                       values["num_train"])
    train, n_train, val, n_val = _shown_accuracies(explorer)
    assert (train, val) == pytest.approx((round(expected[0], 3), round(expected[1], 3)))
    assert (n_train, n_val) == (values["num_train"], 300)
    assert f"L2 strength {values['l2']:g}" in explorer.status.value


def test_switching_data_moves_the_window_and_the_points():
    explorer = DecisionBoundaryExplorer(grid_size=60)
    ax = explorer.live_figure.axes
    training_points = explorer.artists.regions.points[0].get_offsets().copy()
    explorer.set(dataset="blobs")
    assert ax.get_xlim() == pytest.approx(DATASETS["blobs"][:2])
    assert tuple(explorer.artists.regions.regions.get_extent()) == pytest.approx(DATASETS["blobs"])
    assert not np.array_equal(explorer.artists.regions.points[0].get_offsets(), training_points)
    validation = explorer.artists.validation[0].get_offsets().copy()
    explorer.set(noise=0.5)
    assert not np.array_equal(explorer.artists.validation[0].get_offsets(), validation)


def test_the_l2_control_offers_zero_and_a_log_scale():
    explorer = DecisionBoundaryExplorer(grid_size=40)
    control = explorer.controls["l2"]
    assert [value for _, value in control.options] == list(L2_CHOICES)
    assert L2_CHOICES[0] == 0 and np.allclose(np.diff(np.log10(L2_CHOICES[1:])), 1.0)
    assert control.label == "0"
    explorer.set(l2=1e-4)
    assert control.label == "1e-04"

