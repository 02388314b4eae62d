"""The course's figure style.

Call :func:`use_course_style` once in a notebook's setup cell: every figure then has the same
size, fonts and resolution, small enough that the executed solutions stay light.
"""

from __future__ import annotations

import matplotlib as mpl
import matplotlib.pyplot as plt

__all__ = ["use_course_style", "COLORS"]

# Colour-blind friendly (Okabe-Ito) colours, used in this order by every figure.
COLORS = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")


def use_course_style() -> None:
    """Set matplotlib's defaults for the course's figures (size, fonts, colours, resolution)."""
    mpl.rcParams.update(
        {
            "figure.figsize": (6.4, 3.6),
            # 110 dpi and no text under 9 pt: legible at a normal zoom on a high-resolution screen
            # (80 dpi with 7-8 pt legends was not), at about twice the bytes per figure.
            "figure.dpi": 110,
            "figure.constrained_layout.use": True,
            "font.size": 10,
            "axes.titlesize": 11,
            "legend.fontsize": 9,
            "xtick.labelsize": 9,
            "ytick.labelsize": 9,
            "axes.grid": True,
            "grid.alpha": 0.3,
            "axes.spines.top": False,
            "axes.spines.right": False,
            "axes.prop_cycle": mpl.cycler(color=COLORS),
            "lines.linewidth": 1.8,
            "legend.frameon": False,
            "image.cmap": "viridis",
        }
    )
    plt.close("all")
