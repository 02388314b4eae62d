"""Test-suite setup. The tests import the course helpers in tests/course.py."""

import os

import pytest

# One BLAS/OpenMP thread in every process the suite starts (notebook kernels under nbgrader and
# nbval, subprocess tools). The suite already runs one xdist worker per core; more threads per
# process only oversubscribe the cores (measured: two chapter-04 notebooks side by side on 2 cores
# ran about 10% faster this way).
for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")


@pytest.fixture(autouse=True, scope="session")
def one_torch_thread():
    """One PyTorch thread per test process. The suite runs one xdist worker per core; more torch
    threads per worker oversubscribe the cores and make the small models of the training tests
    (whose operations are too small to gain from threads) up to ten times slower."""
    import torch

    previous = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(previous)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Mark a test that failed in its call, so fixtures can save evidence (screenshots)."""
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed:
        item.failed = True


# Recorded mutants are answer cells, not test modules: a name such as `chooses_on_test.py` must not be
# collected (it would run a wrong answer at import, and two of them share a module name).
collect_ignore_glob = ["mutants/*"]
