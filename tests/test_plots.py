"""The shared plot helpers draw what they are given and return artists a widget can update.
Drawn on figures without a screen (matplotlib's Agg canvas)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.colors import to_rgba  # noqa: E402

from dlcourse.plots import (  # noqa: E402
    COLORS,
    data_bounds,
    decision_grid,
    loss_surface_grid,
    plot_attention,
    plot_confusion_matrix,
    plot_decision_regions,
    plot_heatmap,
    plot_history,
    plot_loss_curves,
    plot_loss_surface,
    plot_trajectory,
    update_decision_regions,
    update_trajectory,
    use_course_style,
)
from dlcourse.training import History  # noqa: E402


def _axes(n=1):
    figure = Figure()
    axes = figure.subplots(1, n)
    return figure, axes


def test_style_is_still_importable_from_dlcourse_plots():
    use_course_style()
    assert matplotlib.rcParams["axes.prop_cycle"].by_key()["color"][0].lower() == COLORS[0].lower()


def test_loss_curves_plot_one_point_per_epoch():
    _, ax = _axes()
    lines = plot_loss_curves(ax, [3.0, 2.0, 1.5], [3.5, 2.5, 2.4])
    assert set(lines) == {"train", "validation"} and len(ax.get_lines()) == 2
    np.testing.assert_array_equal(lines["train"].get_xdata(), [1, 2, 3])
    np.testing.assert_array_equal(lines["validation"].get_ydata(), [3.5, 2.5, 2.4])
    assert [text.get_text() for text in ax.get_legend().get_texts()] == ["training", "validation"]


def test_history_plots_losses_and_metric():
    history = History(train_loss=[1.0, 0.5], val_loss=[1.2, 0.7], val_metric=[0.6, 0.8], metric_name="accuracy")
    figure, (loss_ax, metric_ax) = _axes(2)
    lines = plot_history(loss_ax, history, metric_ax)
    assert set(lines) == {"train", "validation", "metric"}
    np.testing.assert_array_equal(lines["metric"].get_ydata(), [0.6, 0.8])
    assert "accuracy" in metric_ax.get_ylabel()
    _, only_train = _axes()
    assert set(plot_history(only_train, History(train_loss=[1.0]))) == {"train"}
    figure.canvas.draw()  # renders without a screen


def test_loss_surface_grid_evaluates_the_function_at_the_grid_points():
    def quadratic(w):
        return w[..., 0] ** 2 + 10 * w[..., 1] ** 2

    W1, W2, L = loss_surface_grid(quadratic, (-1, 2, -3, 1), grid_size=7)
    assert W1.shape == W2.shape == L.shape == (7, 7)
    np.testing.assert_allclose(W1[0], np.linspace(-1, 2, 7))
    np.testing.assert_allclose(W2[:, 0], np.linspace(-3, 1, 7))
    np.testing.assert_allclose(L, W1**2 + 10 * W2**2)
    _, _, looped = loss_surface_grid(lambda w: float(quadratic(np.asarray(w))), (-1, 2, -3, 1), 7, vectorized=False)
    np.testing.assert_allclose(looped, L)


def test_trajectory_passes_through_the_iterates_and_updates_in_place():
    _, ax = _axes()
    W1, W2, L = loss_surface_grid(lambda w: (w**2).sum(-1), (-2, 2, -2, 2), 30)
    contours = plot_loss_surface(ax, W1, W2, L, levels=8)
    assert len(contours.levels) >= 2
    path = np.array([[1.5, 1.5], [0.9, 0.6], [0.4, 0.2], [0.0, 0.0]])
    line = plot_trajectory(ax, path)
    np.testing.assert_array_equal(np.column_stack(line.get_data()), path)
    assert line.get_marker() == "o"
    update_trajectory(line, path[:2])
    np.testing.assert_array_equal(np.column_stack(line.get_data()), path[:2])
    assert ax.get_lines() == [line], "updating must not add artists"
    log_contours = plot_loss_surface(ax, W1, W2, L + 1e-3, levels=5, log_levels=True)
    levels = np.asarray(log_contours.levels)
    np.testing.assert_allclose(levels[1:] / levels[:-1], levels[1] / levels[0])


def test_decision_grid_reports_the_class_at_every_cell():
    classes = decision_grid(lambda P: (P[:, 0] > 0).astype(int) + 2 * (P[:, 1] > 0), (-1, 1, -1, 1), grid_size=4)
    # Rows run bottom to top (y), columns left to right (x).
    np.testing.assert_array_equal(classes, [[0, 0, 1, 1], [0, 0, 1, 1], [2, 2, 3, 3], [2, 2, 3, 3]])


def test_decision_regions_cover_the_window_with_the_predicted_classes():
    rng = np.random.default_rng(0)
    X = rng.uniform(-1, 1, size=(60, 2))
    y = (X[:, 0] > 0).astype(int)
    figure, ax = _axes()
    artists = plot_decision_regions(ax, lambda P: (P[:, 0] > 0).astype(int), X, y, grid_size=50)
    image = artists.regions.get_array()
    assert image.shape == (50, 50)
    assert np.all(image[:, :25] == 0) and np.all(image[:, 25:] == 1)
    assert tuple(artists.regions.get_extent()) == pytest.approx(data_bounds(X))
    assert len(artists.points) == 2
    for k, scatter in enumerate(artists.points):
        np.testing.assert_array_equal(scatter.get_offsets(), X[y == k])
        np.testing.assert_allclose(scatter.get_facecolor()[0], to_rgba(COLORS[k]))
    # A widget's update changes the data of the same artists.
    update_decision_regions(artists, lambda P: (P[:, 1] > 0).astype(int), -X, y)
    image = artists.regions.get_array()
    assert np.all(image[:25] == 0) and np.all(image[25:] == 1)
    np.testing.assert_array_equal(artists.points[0].get_offsets(), -X[y == 0])
    assert len(ax.images) == 1 and len(ax.collections) == 2
    figure.canvas.draw()


def test_heatmap_shows_the_matrix_with_row_zero_on_top_and_annotations():
    matrix = np.array([[0.1, 0.9], [0.7, 0.3], [0.5, 0.5]])
    _, ax = _axes()
    artists = plot_heatmap(ax, matrix, ["a", "b", "c"], ["x", "y"], annotate=True)
    np.testing.assert_array_equal(artists.image.get_array(), matrix)
    assert artists.image.origin == "upper"
    assert [t.get_text() for t in artists.texts] == ["0.10", "0.90", "0.70", "0.30", "0.50", "0.50"]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["a", "b", "c"]


def test_confusion_matrix_counts_and_normalized_rows():
    _, (counts_ax, rates_ax) = _axes(2)
    matrix = np.array([[5, 1], [2, 2]])
    counts = plot_confusion_matrix(counts_ax, matrix, ["cat", "dog"])
    assert [t.get_text() for t in counts.texts] == ["5", "1", "2", "2"]
    assert counts_ax.get_ylabel() == "true class" and counts_ax.get_xlabel() == "predicted class"
    rates = plot_confusion_matrix(rates_ax, matrix, normalize=True)
    np.testing.assert_allclose(rates.image.get_array().sum(axis=1), 1.0)


def test_attention_map_uses_a_fixed_zero_to_one_scale():
    weights = np.full((3, 4), 0.25)
    _, ax = _axes()
    artists = plot_attention(ax, weights, ["q1", "q2", "q3"], ["k1", "k2", "k3", "k4"])
    assert artists.image.get_clim() == (0.0, 1.0)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["k1", "k2", "k3", "k4"]


@pytest.mark.parametrize("call, message", [
    (lambda: plot_loss_curves(_axes()[1], []), "empty"),
    (lambda: loss_surface_grid(lambda w: 0.0, (-1, 1, -1, 1), 5), "vectorized"),
    (lambda: loss_surface_grid(lambda w: w[..., 0], (1, -1, -1, 1), 5), "min < max"),
    (lambda: plot_trajectory(_axes()[1], np.zeros((4, 3))), r"\(K, 2\)"),
    (lambda: decision_grid(lambda P: P[:, 0] * 0.5, (-1, 1, -1, 1), 4), "integer class labels"),
    (lambda: plot_decision_regions(_axes()[1], lambda P: P[:, 0] > 0, np.zeros((5, 3)), np.zeros(5, int)),
     r"\(N, 2\)"),
    (lambda: plot_heatmap(_axes()[1], np.zeros((2, 2)), ["only one"]), "one label per row"),
    (lambda: plot_confusion_matrix(_axes()[1], np.zeros((2, 3))), "square"),
])
def test_bad_arguments_say_what_was_expected(call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call()
