"""The course's figure style and the plots several chapters share.

- ``style``      ``use_course_style``, ``COLORS``
- ``curves``     loss curves of a training run (``plot_history``, ``plot_loss_curves``)
- ``descent``    gradient descent on a one-parameter loss curve (``plot_descent_on_curve``,
                 ``update_descent_on_curve``)
- ``surfaces``   a 2-D loss surface with the path of an optimizer (``loss_surface_grid``,
                 ``plot_loss_surface``, ``plot_trajectory``), also as a 3-D mesh
                 (``plot_loss_surface_3d``, ``plot_trajectory_3d``)
- ``decision``   decision regions of a classifier on 2-D data (``decision_grid``,
                 ``plot_decision_regions``, ``update_decision_regions``; ``scatter_classes``
                 for a second set of points, ``set_decision_bounds`` to move the window,
                 ``plot_decision_regions_from_grid`` for classes already predicted on the grid)
- ``heatmaps``   matrices as images: attention maps, confusion matrices (``plot_heatmap``,
                 ``plot_confusion_matrix``, ``plot_attention``)

Every plotting function draws on a given matplotlib ``ax`` and returns the artists it made, so a
widget can update them in place (``line.set_data``, ``image.set_data``) instead of redrawing
the figure. The computations behind the figures are separate functions, testable on their own.
"""

from dlcourse.plots.curves import plot_history, plot_loss_curves
from dlcourse.plots.descent import DescentArtists, plot_descent_on_curve, update_descent_on_curve
from dlcourse.plots.decision import (
    DecisionRegionArtists,
    data_bounds,
    decision_grid,
    plot_decision_regions,
    update_decision_regions,
)
from dlcourse.plots.heatmaps import HeatmapArtists, plot_attention, plot_confusion_matrix, plot_heatmap
from dlcourse.plots.style import COLORS, use_course_style
from dlcourse.plots.surfaces import (
    loss_surface_grid,
    plot_loss_surface,
    plot_loss_surface_3d,
    plot_trajectory,
    plot_trajectory_3d,
    update_trajectory,
)

__all__ = [
    "COLORS",
    "use_course_style",
    "plot_history",
    "plot_loss_curves",
    "plot_descent_on_curve",
    "update_descent_on_curve",
    "DescentArtists",
    "loss_surface_grid",
    "plot_loss_surface",
    "plot_trajectory",
    "update_trajectory",
    "plot_loss_surface_3d",
    "plot_trajectory_3d",
    "data_bounds",
    "decision_grid",
    "plot_decision_regions",
    "update_decision_regions",
    "DecisionRegionArtists",
    "plot_heatmap",
    "plot_confusion_matrix",
    "plot_attention",
    "HeatmapArtists",
]
