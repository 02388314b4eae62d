"""Time how long each PyTorch model of the course takes to train to its stated quality.

Run with ``.venv/bin/python benchmarks/model_training.py`` (or ``make bench``). The quality bars
live in the tests marked ``training`` (for example, the MLP reaches at least 95% test accuracy on
the digits); this script runs exactly those tests, one at a time on one thread of the CPU as a
laptop would, and prints how long each took and whether it met its bar. The target is "a few
seconds of CPU" per model, so that a chapter can train it while the student waits.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


class TrainingTimes:
    """A pytest plugin that keeps the outcome and duration of each test's call phase."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, float]] = []

    def pytest_runtest_logreport(self, report) -> None:
        if report.when == "call":
            self.rows.append((report.nodeid.split("::", 1)[1], report.outcome, report.duration))


def main() -> int:
    times = TrainingTimes()
    status = pytest.main(
        ["-o", "addopts=", "-p", "no:cacheprovider", "-p", "no:randomly", "-q", "--no-header", "-m", "training",
         str(REPO / "tests")],
        plugins=[times],
    )
    print(f"\n{'model training test (quality bar asserted inside)':<82} {'result':>7} {'seconds':>8}")
    for name, outcome, seconds in times.rows:
        print(f"{name:<82} {outcome:>7} {seconds:8.1f}")
    print(f"{'total':<82} {'':>7} {sum(row[2] for row in times.rows):8.1f}")
    return int(status)


if __name__ == "__main__":
    sys.exit(main())
