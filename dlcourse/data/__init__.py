"""Offline data sets, generated under a seed (nothing is downloaded).

- ``dlcourse.data.regression``: responses drawn from a known conditional distribution p(y | x)
  (linear, polynomial, sine, heteroskedastic, Bernoulli and Poisson GLMs, outliers).
- ``dlcourse.data.classification``: 2-D classes (XOR, two moons, two circles, spirals, Gaussian blobs).
- ``dlcourse.data.densities``: 2-D densities to sample (swiss roll, Gaussian mixture, moons).
- ``dlcourse.data.splits``: reproducible train/validation/test splits and k-fold cross-validation.
- ``dlcourse.data.digits``: scikit-learn's bundled 8x8 digits with stratified splits.
- ``dlcourse.data.text``: a sentiment corpus where negation makes word order matter.
- ``dlcourse.data.sequences``: reversal and sorting of random token sequences.
"""
