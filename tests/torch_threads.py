"""A fixture for tests that train PyTorch models: one intra-op thread per test process.

The suite runs under pytest-xdist with one worker per core, and other jobs share the machine.
Two torch threads per worker then oversubscribe the cores, and the small models of these tests
(whose ops are too small to gain from threads) run up to ten times slower while threads wait on
each other. One thread keeps each training test at a few seconds under load.
"""

from __future__ import annotations

import pytest
import torch


@pytest.fixture(autouse=True, scope="module")
def one_torch_thread():
    previous = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(previous)
