"""Wraps the package's fit_ridge, with the bias left unpenalized."""
from dlcourse.scratch.linear_models import fit_ridge


def ridge_closed_form(X, y, l2):
    return fit_ridge(X, y, l2, penalize_bias=False)
