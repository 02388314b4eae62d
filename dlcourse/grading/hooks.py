"""nbgrader hooks of the course's grading (named in ``nbgrader_config.py``)."""

from __future__ import annotations

import json

__all__ = ["repair_submission"]


def repair_submission(assignment: str, student: str, notebooks: list[str], **_: object) -> None:
    """nbgrader pre-convert hook: keep one damaged notebook from stopping a whole class's grading.

    nbgrader aborts ``autograde`` for *every* remaining student when one notebook carries nbgrader
    metadata of an old or unknown schema version. Before a submission is graded, this hook upgrades
    old metadata (what ``nbgrader update`` does), reads metadata stamped with an unknown newer
    version as the current version, and strips metadata that is still invalid (a test cell then
    comes back from the gradebook, as for a deleted cell). A notebook that is not valid
    JSON is left alone: nbgrader reports that student and grades the others.
    """
    import logging

    import nbformat
    from nbgrader.nbgraderformat import MetadataValidator, SchemaTooNewError

    log = logging.getLogger("dlcourse.grading")
    validator = MetadataValidator()
    for path in notebooks:
        try:
            notebook = nbformat.read(path, as_version=4)
        except Exception:  # noqa: BLE001 - unreadable: nbgrader reports it for this student only
            continue
        before = json.dumps(notebook, sort_keys=True)
        for cell in notebook.cells:
            if "nbgrader" not in cell.get("metadata", {}):
                continue
            try:
                validator.upgrade_cell_metadata(cell)
                validator.validate_cell(cell)
                continue
            except SchemaTooNewError:
                # Same fields under a version number nbgrader does not know: read them as current.
                cell.metadata["nbgrader"]["schema_version"] = validator.schema_version
            except Exception:  # noqa: BLE001 - handled below
                pass
            try:
                validator.validate_cell(cell)
            except Exception as error:  # noqa: BLE001 - any damage: fall back to the gradebook's cell
                log.warning("%s: %s: dropping damaged nbgrader metadata of a cell (%s)", student, path, error)
                del cell.metadata["nbgrader"]
        if json.dumps(notebook, sort_keys=True) != before:
            nbformat.write(notebook, path)


