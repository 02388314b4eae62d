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

# Every notebook runs on a laptop CPU in well under a minute, but one cell may train a small
# network: allow a slow machine five minutes per cell before nbgrader gives up on it.
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
c.OverwriteCells.add_missing_cells = True

# One notebook with damaged nbgrader metadata would otherwise stop autograde for the rest of the
# class: repair it first (see dlcourse.grading.repair_submission).
c.Autograde.pre_convert_hook = "dlcourse.grading.repair_submission"

# The stub that replaces every solution region in the student version.
c.ClearSolutions.code_stub = {
    "python": "# YOUR CODE HERE\nraise NotImplementedError()",
}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
