"""Offline data sets, generated under a seed (nothing is downloaded).

- ``dlcourse.data.regression``: responses drawn from a known conditional distribution p(y | x)
  (linear, nonlinear, heteroskedastic, Bernoulli and Poisson GLMs, outliers).
"""
