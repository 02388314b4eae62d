"""Feedback pages that tell a student what to fix without handing out the hidden tests.

nbgrader's ``generate_feedback`` renders the autograded notebook, hidden tests included: their code,
their oracles and their seeds. :class:`HideHiddenTests` runs before the page is written: each test
cell keeps its visible checks, its hidden region becomes one line saying it is hidden, and a
failed test cell's output keeps the worded message of the check that failed (the traceback's last
line) instead of the traceback, whose lines would quote the hidden code.
"""

from __future__ import annotations

import re

from nbgrader.preprocessors import NbGraderPreprocessor

__all__ = ["HideHiddenTests", "hide_hidden_region", "HIDDEN_REGION"]

#: A hidden-test region, from its BEGIN marker line to its END marker line (indented or not).
HIDDEN_REGION = re.compile(r"^([ \t]*)### BEGIN HIDDEN TESTS[^\n]*\n.*?^[ \t]*### END HIDDEN TESTS[^\n]*(\n|$)", re.M | re.S)
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def hide_hidden_region(source: str) -> str:
    """``source`` with every hidden-test region replaced by one comment line."""
    return HIDDEN_REGION.sub(lambda m: f"{m.group(1)}# Hidden tests run here when your notebook is graded; "
                                 "their messages are shown below.\n", source)


class HideHiddenTests(NbGraderPreprocessor):
    def preprocess_cell(self, cell, resources, index):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("grade") and not meta.get("solution"):
            cell.source = hide_hidden_region(cell.source)
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    message = _ANSI.sub("", f"{output.get('ename', 'Error')}: {output.get('evalue', '')}")
                    output["traceback"] = [message]
        return cell, resources
