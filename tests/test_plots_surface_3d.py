"""The 3-D view of a loss surface and of an optimizer's path over it (the notes' Fig 4).
Drawn on figures without a screen (matplotlib's Agg canvas)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from dlcourse.plots import loss_surface_grid, plot_loss_surface_3d, plot_trajectory_3d  # noqa: E402


def _axes_3d():
    figure = Figure()
    return figure, figure.add_subplot(projection="3d")


def _bowl(w):
    return w[..., 0] ** 2 + 3 * w[..., 1] ** 2


def test_surface_is_drawn_with_a_stride_that_keeps_the_mesh_light():
    figure, ax = _axes_3d()
    W1, W2, L = loss_surface_grid(_bowl, (-2, 2, -1, 1), grid_size=121)
    surface = plot_loss_surface_3d(ax, W1, W2, L, max_lines=30)
    # 121 points per axis with stride ceil(121 / 30) = 5: 24 x 24 faces (one colour value each), not 120 x 120.
    assert len(surface.get_array()) == 24 * 24
    assert ax.get_zlabel() == "loss"
    fine = plot_loss_surface_3d(_axes_3d()[1], *loss_surface_grid(_bowl, (-2, 2, -1, 1), 10))
    assert len(fine.get_array()) == 9 * 9, "a small grid is drawn in full"
    figure.canvas.draw()


def test_trajectory_lies_on_the_given_losses_and_marks_the_end():
    figure, ax = _axes_3d()
    path = np.array([[1.5, 0.8], [0.7, 0.2], [0.1, 0.0]])
    losses = _bowl(path)
    line = plot_trajectory_3d(ax, path, losses, label="gd")
    xs, ys, zs = line.get_data_3d()
    np.testing.assert_array_equal(np.column_stack([xs, ys]), path)
    np.testing.assert_array_equal(zs, losses)
    assert line.get_linestyle() == "--" and line.get_label() == "gd"
    (end,) = ax.collections
    np.testing.assert_allclose(np.ravel(end._offsets3d), [0.1, 0.0, losses[-1]])
    figure.canvas.draw()


@pytest.mark.parametrize("call, message", [
    (lambda: plot_loss_surface_3d(Figure().add_subplot(), *loss_surface_grid(_bowl, (-1, 1, -1, 1), 5)), "3-D axes"),
    (lambda: plot_loss_surface_3d(_axes_3d()[1], np.zeros((3, 3)), np.zeros((3, 3)), np.zeros((3, 4))), "one shape"),
    (lambda: plot_trajectory_3d(_axes_3d()[1], np.zeros((4, 3)), np.zeros(4)), r"\(K, 2\)"),
    (lambda: plot_trajectory_3d(_axes_3d()[1], np.zeros((4, 2)), np.zeros(3)), r"\(4,\)"),
])
def test_bad_arguments_say_what_was_expected(call, message):
    with pytest.raises((ValueError, TypeError), match=message):
        call()
