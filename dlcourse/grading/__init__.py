"""Grading with nbgrader, made safe for a class: sandboxed kernels, a verdict student code cannot
write, and an honest record of every submission.

- :mod:`.scratch_course`   the grader students run (``make grade``) and the test suite uses: a
  throw-away nbgrader course directory built from the masters.
- :mod:`.screen`           reads answer cells before they run; tampering is not graded.
- :mod:`.sandbox`          the kernel manager nbgrader uses: bubblewrap, no network, limits.
- :mod:`.kernel_guard`     inside the kernel: notices hooks and patches around every test cell.
- :mod:`.execute`          nbgrader preprocessors: master cells restored, screening, guard, limits.
- :mod:`.status`           graded / not graded (and why) per submitted notebook.
- :mod:`.feedback`         feedback pages that show each check's message, not the hidden tests.
- :mod:`.export`           ``nbgrader export`` with a status column: not graded is not a zero.
- :mod:`.hooks`            nbgrader hooks: damaged metadata repaired, unreadable files recorded.
- :mod:`.student_repo`     ``make student-repo``: the repository students get, without solutions,
  hidden tests or the test-suite.
"""

from .hooks import repair_submission
from .scratch_course import ScratchCourse, SubmissionGrade, find_repository, main

__all__ = ["ScratchCourse", "SubmissionGrade", "find_repository", "repair_submission", "main"]
