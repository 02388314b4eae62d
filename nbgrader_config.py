"""nbgrader configuration of the course.

nbgrader reads this file from the directory it runs in, so run its commands from the repository
root (the Makefile and the test-suite do). `source/` holds the instructor masters; nbgrader writes
the student notebooks to `notebooks/` and the executed worked solutions to `solutions/`.
"""

c = get_config()  # noqa: F821 (nbgrader injects get_config)

c.CourseDirectory.course_id = "dlcourse"
c.CourseDirectory.source_directory = "source"
c.CourseDirectory.release_directory = "notebooks"
c.CourseDirectory.solution_directory = "solutions"

# `make release` and a student's Validate execute notebooks with nbgrader's Execute: a generous
# limit per cell for a slow laptop. Grading (autograde) uses the course's TrustedExecute below,
# with its own, tighter limits.
c.Execute.timeout = 300
# Timestamps in the executed solutions would change on every regeneration and make the
# committed `solutions/` churn for nothing.
c.Execute.record_timing = False

# nbgrader zeroes a test cell that writes anything to stderr. Warnings (a torch UserWarning, a
# NumPy RuntimeWarning inside a correct answer) are not wrong answers, so the grading kernel
# prints them on stdout instead: the student still sees them in the feedback, and no points are
# lost for them. Tests that care about overflow check for it explicitly and say so.
_WARNINGS_TO_STDOUT = (
    "import sys as _sys, warnings as _warnings; "
    "_warnings.showwarning = lambda message, category, filename, lineno, file=None, line=None: "
    "_sys.stdout.write(_warnings.formatwarning(message, category, filename, lineno, line))"
)
# While grading (autograde, or a student's Validate) figures are drawn but never looked at:
# matplotlib's non-interactive backend skips rendering them to PNG, which is about a third of a
# chapter's run time. `make release` keeps the figures (it does not set NBGRADER_EXECUTION).
_NO_FIGURES_WHILE_GRADING = (
    "import os as _os, warnings as _warnings\n"
    "if _os.environ.get('NBGRADER_EXECUTION'):\n"
    "    import matplotlib as _matplotlib\n"
    "    _matplotlib.use('agg')\n"
    "    _warnings.filterwarnings('ignore', message='.*non-interactive.*cannot be shown')\n"
    "    _warnings.filterwarnings('ignore', message='More than 20 figures have been opened')\n"
)
c.Execute.extra_arguments = [
    "--HistoryManager.hist_file=:memory:",
    f"--IPKernelApp.exec_lines={_WARNINGS_TO_STDOUT}",
    f"--IPKernelApp.exec_lines={_NO_FIGURES_WHILE_GRADING}",
]

# A student who deletes a test cell gets it back (and is graded by it) instead of skipping it.
c.OverwriteCells.add_missing_cells = True  # (the course's subclass below inherits it)

# -- trusted grading (dlcourse/grading/, README "Grading a class") ---------------------------------
# Sanitizing: nbgrader's own steps, then every cell but the answers is taken from the master.
c.Autograde.sanitize_preprocessors = [
    "nbgrader.preprocessors.ClearOutput",
    "nbgrader.preprocessors.DeduplicateIds",
    "nbgrader.preprocessors.OverwriteKernelspec",
    "dlcourse.grading.execute.OverwriteCellsReportingEdits",
    "dlcourse.grading.execute.RestoreMasterCells",
    "nbgrader.preprocessors.CheckCellMetadata",
]
# Executing: the course's TrustedExecute instead of nbgrader's Execute (screening of answer cells,
# a sandboxed kernel, a guard around every test cell, limits, a graded/not-graded record).
c.Autograde.autograde_preprocessors = [
    "dlcourse.grading.execute.TrustedExecute",
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata",
]
c.TrustedExecute.cell_timeout = 30           # an exercise's tests take a second or two
c.TrustedExecute.training_cell_timeout = 120  # cells with metadata {"dlcourse": {"training": true}}
c.TrustedExecute.notebook_timeout = 300       # every chapter runs in well under a minute
c.TrustedExecute.max_output_characters = 100_000
# auto: sandboxed with bubblewrap where it works, otherwise graded with a loud warning in the log,
# the record and the export. An instructor's server should say "required".
# DLCOURSE_SANDBOX=required (CI sets it) or =off overrides it without editing this file.
import os as _os  # noqa: E402

c.SandboxedKernelManager.mode = _os.environ.get("DLCOURSE_SANDBOX", "auto")
# Feedback shows each check's message and points, not the hidden tests' code.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
    "dlcourse.grading.feedback.HideHiddenTests",
]
# `make release` on an unchanged tree changes no file: widget ids made stable, stream outputs merged,
# measured times kept while their cell is unchanged (dlcourse/grading/release.py).
c.GenerateSolution.preprocessors = [
    "nbgrader.preprocessors.IncludeHeaderFooter",
    "nbgrader.preprocessors.LockCells",
    "nbgrader.preprocessors.ClearOutput",
    "nbgrader.preprocessors.ClearMarkScheme",
    "nbgrader.preprocessors.Execute",
    "dlcourse.grading.release.StableOutputs",
    "dlcourse.grading.release.KeepCommittedMeasurements",
]
# `nbgrader export` adds status and reason columns: a notebook that could not be graded is not a 0.
c.ExportApp.plugin_class = "dlcourse.grading.export.CsvExportWithStatus"

# One notebook with damaged nbgrader metadata would otherwise stop autograde for the rest of the
# class: repair it first (see dlcourse.grading.hooks.repair_submission).
c.Autograde.pre_convert_hook = "dlcourse.grading.hooks.repair_submission"

# The Validate button cuts every line of a failed cell's output at Validator.width (90 by default),
# which cut the checks' worded messages in the middle. A wider limit shows them whole (the
# separator lines get longer: a price worth paying for the message that says what to fix).
c.Validator.width = 400

# The stub that replaces every solution region in the student version.
c.ClearSolutions.code_stub = {
    "python": "# YOUR CODE HERE\nraise NotImplementedError()",
}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
