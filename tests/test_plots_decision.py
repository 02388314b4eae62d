"""The decision-region helpers chapter 04 adds: class scatters (filled or hollow) that update in
place, a movable window, and the grid's cell centres."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_rgba  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from dlcourse.plots import COLORS  # noqa: E402
from dlcourse.plots.decision import (  # noqa: E402
    decision_grid,
    grid_cell_centres,
    plot_decision_regions,
    plot_decision_regions_from_grid,
    scatter_classes,
    set_decision_bounds,
    update_decision_regions,
    update_scatter_classes,
)


def _ax():
    figure = Figure()
    return figure, figure.subplots()


def test_cell_centres_are_the_points_the_grid_is_predicted_at():
    centres = grid_cell_centres((0, 4, -1, 1), grid_size=4)
    assert centres.shape == (16, 2)
    np.testing.assert_allclose(centres[:4], [[0.5, -0.75], [1.5, -0.75], [2.5, -0.75], [3.5, -0.75]])
    classes = decision_grid(lambda P: (P[:, 0] > 2).astype(int), (0, 4, -1, 1), grid_size=4)
    np.testing.assert_array_equal(classes.ravel(), (centres[:, 0] > 2).astype(int))


def test_hollow_and_filled_scatters_per_class_update_in_place():
    rng = np.random.default_rng(0)
    X, y = rng.normal(size=(30, 2)), rng.integers(0, 3, 30)
    figure, ax = _ax()
    filled = scatter_classes(ax, X, y, 3)
    rings = scatter_classes(ax, X, y, 3, hollow=True, label="validation")
    for k in range(3):
        np.testing.assert_allclose(filled[k].get_facecolor()[0], to_rgba(COLORS[k]))
        assert rings[k].get_facecolor().shape[0] == 0 or rings[k].get_facecolor()[0][3] == 0  # no fill
        np.testing.assert_allclose(rings[k].get_edgecolor()[0], to_rgba(COLORS[k]))
        assert rings[k].get_label() == f"validation {k}"
    update_scatter_classes(rings, X[:5] + 10, y[:5])
    for k in range(3):
        np.testing.assert_array_equal(rings[k].get_offsets(), (X[:5] + 10)[y[:5] == k].reshape(-1, 2))
    assert len(ax.collections) == 6
    figure.canvas.draw()


def test_the_window_moves_with_the_regions():
    X = np.array([[0.0, 0.0], [1.0, 1.0]])
    figure, ax = _ax()
    artists = plot_decision_regions(ax, lambda P: (P[:, 0] > 0).astype(int), X, np.array([0, 1]), grid_size=10,
                                    smooth=True)
    moved = set_decision_bounds(artists, (-5, 5, -2, 2))
    assert moved.bounds == (-5.0, 5.0, -2.0, 2.0)
    assert tuple(moved.regions.get_extent()) == pytest.approx((-5, 5, -2, 2))
    assert ax.get_xlim() == pytest.approx((-5, 5)) and ax.get_ylim() == pytest.approx((-2, 2))
    update_decision_regions(moved, lambda P: (P[:, 0] > 0).astype(int))
    image = moved.regions.get_array()
    assert np.all(image[:, :5] == 0) and np.all(image[:, 5:] == 1)
    assert moved.regions.get_interpolation() == "antialiased"
    figure.canvas.draw()


def test_a_grid_predicted_elsewhere_is_drawn_as_given():
    bounds = (-1, 1, -1, 1)
    predict = lambda P: (P[:, 1] > 0).astype(int) + (P[:, 0] > 0.5)  # noqa: E731
    classes = decision_grid(predict, bounds, grid_size=8)
    X, y = np.array([[0.0, 0.0], [0.5, 0.5]]), np.array([0, 2])
    figure, ax = _ax()
    artists = plot_decision_regions_from_grid(ax, classes, X, y, bounds)
    np.testing.assert_array_equal(artists.regions.get_array(), classes)
    assert artists.grid_size == 8 and artists.bounds == (-1.0, 1.0, -1.0, 1.0) and len(artists.points) == 3
    # the same picture as plot_decision_regions, which predicts the grid itself
    _, other = _ax()
    np.testing.assert_array_equal(plot_decision_regions(other, predict, X, y, bounds=bounds, grid_size=8)
                                  .regions.get_array(), classes)
    with pytest.raises(ValueError, match=r"shape \(G, G\)"):
        plot_decision_regions_from_grid(ax, classes[:4], X, y, bounds)
    figure.canvas.draw()


def test_scatter_errors_name_the_expected_input():
    with pytest.raises(ValueError, match=r"shape \(N, 2\)"):
        scatter_classes(_ax()[1], np.ones((4, 3)), np.zeros(4, int), 2)
