"""Preprocessors of ``make release`` (nbgrader's ``generate_solution``): the same tree gives the same
files, so that a release on an unchanged tree changes nothing in git.

Two things in an executed notebook change from run to run without anything having changed:

- widget model ids, which ipywidgets draws at random, and how printed lines split into stream
  outputs, which depends on when they were flushed: :class:`StableOutputs` renames the ids, in the
  order they appear, to ids derived from the notebook's name, and merges consecutive outputs of
  the same stream;
- measured times (a loop against its vectorized form): a cell tagged ``measurement`` keeps the
  output committed in ``solutions/`` as long as its source is unchanged
  (:class:`KeepCommittedMeasurements`); edit the cell and the measurement is taken again.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import nbformat
from nbgrader.preprocessors import NbGraderPreprocessor

__all__ = ["StableOutputs", "KeepCommittedMeasurements", "MEASUREMENT_TAG"]

MEASUREMENT_TAG = "measurement"
_HEX_ID = re.compile(r"(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])")  # also inside "IPY_MODEL_<id>"


def _merge_streams(outputs: list) -> list:
    merged = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (previous is not None and output.get("output_type") == "stream" == previous.get("output_type")
                and output.get("name") == previous.get("name")):
            previous["text"] = "".join(previous["text"]) + "".join(output["text"])
        else:
            merged.append(output)
    return merged


class StableOutputs(NbGraderPreprocessor):
    def preprocess(self, nb, resources):
        for cell in nb.cells:
            if cell.get("cell_type") == "code":
                cell.outputs = _merge_streams(cell.get("outputs", []))
        widgets = nb.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
        known = set(widgets.get("state", {}))
        for cell in nb.cells:
            for output in cell.get("outputs", []):
                view = output.get("data", {}).get("application/vnd.jupyter.widget-view+json")
                if view:
                    known.add(view.get("model_id", ""))
        if not known:
            return nb, resources
        name = resources.get("nbgrader", {}).get("notebook", "notebook")
        text = json.dumps(nb)
        order = []
        for match in _HEX_ID.finditer(text):
            if match.group() in known and match.group() not in order:
                order.append(match.group())
        renamed = {old: hashlib.md5(f"{name}-widget-{index}".encode()).hexdigest() for index, old in enumerate(order)}
        text = _HEX_ID.sub(lambda m: renamed.get(m.group(), m.group()), text)
        stable = nbformat.from_dict(json.loads(text))
        nb.cells, nb.metadata = stable.cells, stable.metadata
        return nb, resources


class KeepCommittedMeasurements(NbGraderPreprocessor):
    def preprocess(self, nb, resources):
        committed = self._committed(resources.get("nbgrader", {}))
        if not committed:
            return nb, resources
        for cell in nb.cells:
            if MEASUREMENT_TAG not in cell.get("metadata", {}).get("tags", []):
                continue
            before = committed.get(cell.get("id"))
            if before is not None and before.get("source") == cell.get("source") and before.get("outputs"):
                cell.outputs = before.outputs
        return nb, resources

    def _committed(self, info: dict) -> dict:
        """The committed solution's cells by id, read from git (nbgrader has already removed the
        file on disk by the time preprocessors run)."""
        import subprocess

        from nbgrader.coursedir import CourseDirectory

        coursedir = CourseDirectory(config=self.config)
        path = Path(coursedir.solution_directory) / info.get("assignment", "") / f"{info.get('notebook', '')}.ipynb"
        shown = subprocess.run(["git", "show", f"HEAD:{path.as_posix()}"], cwd=coursedir.root,
                               capture_output=True, text=True)
        if shown.returncode != 0:
            return {}
        return {c.get("id"): c for c in nbformat.reads(shown.stdout, as_version=4).cells}
