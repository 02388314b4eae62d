"""``nbgrader export`` with the outcome of every submission: a notebook that could not be graded
is not exported as a zero.

Configured in ``nbgrader_config.py`` as ``ExportApp.plugin_class``. The CSV has nbgrader's usual
columns plus ``status`` (``graded``, ``not graded``, ``not submitted``) and ``reason``; the score
columns of a submission that was not graded are left empty. The command's log ends with a summary:
how many were graded, and every one that was not, with its reason.
"""

from __future__ import annotations

import csv
from pathlib import Path

from nbgrader.api import MissingEntry
from nbgrader.plugins import ExportPlugin

from .status import NOT_GRADED, submission_outcome

__all__ = ["CsvExportWithStatus"]

COLUMNS = ["assignment", "duedate", "timestamp", "student_id", "last_name", "first_name", "email",
           "raw_score", "late_submission_penalty", "score", "max_score", "status", "reason"]


class CsvExportWithStatus(ExportPlugin):
    def export(self, gradebook) -> None:
        from nbgrader.coursedir import CourseDirectory

        coursedir = CourseDirectory(config=self.config)
        destination = self.to or "grades.csv"
        only_students = {str(s) for s in self.student}
        only_assignments = {str(a) for a in self.assignment}
        rows, not_graded, graded = [], [], 0
        for assignment in gradebook.assignments:
            if only_assignments and assignment.name not in only_assignments:
                continue
            for student in gradebook.students:
                if only_students and student.id not in only_students:
                    continue
                row = {"assignment": assignment.name, "duedate": assignment.duedate, "student_id": student.id,
                       "last_name": student.last_name, "first_name": student.first_name, "email": student.email,
                       "max_score": assignment.max_score}
                try:
                    submission = gradebook.find_submission(assignment.name, student.id)
                except MissingEntry:
                    row.update(timestamp="", raw_score=0.0, late_submission_penalty=0.0, score=0.0,
                               status="not submitted", reason="")
                    rows.append(row)
                    continue
                outcome = submission_outcome(coursedir, assignment.name, student.id,
                                             [nb.name for nb in assignment.notebooks])
                row["timestamp"] = submission.timestamp
                if outcome.status == NOT_GRADED:
                    row.update(raw_score="", late_submission_penalty="", score="",
                               status=NOT_GRADED, reason=outcome.reason)
                    not_graded.append(f"{student.id} / {assignment.name}: {outcome.reason}")
                else:
                    penalty = submission.late_submission_penalty
                    row.update(raw_score=submission.score, late_submission_penalty=penalty,
                               score=max(0.0, submission.score - penalty), status=outcome.status,
                               reason=outcome.reason)
                    graded += 1
                rows.append(row)
            # A folder in submitted/ that nbgrader never took in (no notebook in it, say) is a
            # submission too: list it as not graded rather than leave it out.
            listed = {row["student_id"] for row in rows if row["assignment"] == assignment.name}
            submitted = Path(coursedir.root) / coursedir.submitted_directory
            for folder in sorted(submitted.glob(f"*/{assignment.name}")):
                student_id = folder.parent.name
                if student_id in listed or (only_students and student_id not in only_students):
                    continue
                outcome = submission_outcome(coursedir, assignment.name, student_id,
                                             [nb.name for nb in assignment.notebooks])
                reason = outcome.reason if not outcome.graded else "nbgrader has no record of this submission"
                rows.append({"assignment": assignment.name, "duedate": assignment.duedate, "timestamp": "",
                             "student_id": student_id, "last_name": "", "first_name": "", "email": "",
                             "raw_score": "", "late_submission_penalty": "", "score": "",
                             "max_score": assignment.max_score, "status": NOT_GRADED, "reason": reason})
                not_graded.append(f"{student_id} / {assignment.name}: {reason}")
        with open(destination, "w", newline="") as file:
            writer = csv.DictWriter(file, fieldnames=COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
        self.log.info("Exported %d rows to %s: %d submissions graded, %d NOT graded", len(rows),
                      Path(destination).resolve(), graded, len(not_graded))
        for line in not_graded:
            self.log.warning("NOT GRADED %s", line)
