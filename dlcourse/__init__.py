"""dlcourse: the code the deep-learning course shares between its chapters.

Where to find a concept (each module has one job):

- ``dlcourse.seeding``     one seeding helper for Python, NumPy and PyTorch
- ``dlcourse.checking``    the checks exercise test cells use, with messages that say what to fix
- ``dlcourse.env``         what this machine runs: versions, the torch device
- ``dlcourse.data``        offline data sets, generated under a seed
- ``dlcourse.scratch``     NumPy implementations written from first principles (what chapters teach)
- ``dlcourse.models``      PyTorch models (MLP, CNN, RNN, tiny transformer, autoencoder, VAE, diffusion)
- ``dlcourse.training``    one training loop for every chapter, plus ``evaluate`` and ``predict``
- ``dlcourse.metrics``     accuracy, confusion matrix, precision/recall/F1, RMSE (NumPy)
- ``dlcourse.plots``       the course's figure style and the plots the chapters share
- ``dlcourse.widgets``     interactive figures: controls that redraw a figure in place
- ``dlcourse.grading``     grading with nbgrader made safe: sandbox, screen, guard, records, class grading

Submodules are imported on demand, so ``import dlcourse`` stays cheap.
"""

__version__ = "0.1.0"
