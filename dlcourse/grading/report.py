"""What the class got wrong: one self-contained HTML page per chapter for the instructor.

nbgrader's gradebook holds each student's points; the autograded notebooks hold *why* a test cell
failed: the checks of :mod:`dlcourse.checking` end every failure with a stable mistake identifier
(``... [mistake: rows-not-normalized]``). This module reads both, plus the grader's status records
(:mod:`dlcourse.grading.status`), and writes a page an instructor reads after a deadline::

    python -m dlcourse.grading report 03_multivariate_softmax        # -> reports/03_multivariate_softmax.html
    make report CHAPTER=03_multivariate_softmax

Per exercise: the score distribution, the share of the class with full, partial and no points, and
the most common mistakes with their counts and one example message each. Then the submissions
that were not graded (with the reason) and the slowest ones, the written answers waiting for a
person, and an overview of every chapter graded so far. Figures are PNGs embedded in the page,
so it opens offline and can be mailed.
"""

from __future__ import annotations

import argparse
import base64
import html
import io
import json
import re
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..checking import GENERIC_MISTAKES, mistake_of
from .status import read_statuses, submission_outcome

__all__ = ["TestCellOutcome", "ExerciseSummary", "ChapterReport", "outcomes_of_test_cells", "collect_chapter",
           "render_html", "write_report", "main", "NOT_ANSWERED"]

#: The mistake of a test cell whose answer still raises the stub's NotImplementedError.
NOT_ANSWERED = "not-answered"
#: What the identifiers that no chapter defines mean.
MEANINGS = dict(GENERIC_MISTAKES, **{
    NOT_ANSWERED: "the answer cell still raises the stub's NotImplementedError",
    "lost-points-without-error": "the test cell lost points without an error (it timed out or was cut)",
})
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
_TAG = re.compile(r"\s*\[mistake: [a-z0-9-]+\]\s*$")
_HEADING = re.compile(r"^#+\s*Exercise\s+([\d.]+)\s*·\s*([\w-]+)\s*·\s*(★+)\s*[—-]\s*(.+?)\s*$", re.MULTILINE)


# -- reading one autograded notebook -----------------------------------------------------------------
@dataclass(frozen=True)
class TestCellOutcome:
    """How one exercise's test cell ended in one student's autograded notebook."""

    exercise: str  # the answer cell's grade_id (the test cell is ``test_<exercise>``)
    mistake: str | None  # None: the cell passed
    message: str = ""  # the failure's text without its identifier (what the student read)


def _mistake_of_error(ename: str, evalue: str) -> str:
    """The identifier of a test cell's failure, also for failures that carry none."""
    tagged = mistake_of(evalue)
    if tagged:
        return tagged
    if ename == "NotImplementedError":
        return NOT_ANSWERED
    if ename == "CheckFailed":
        return "check-failed"
    # A raw exception escaped the checks (the test cell itself crashed on the answer).
    return "raised-" + (re.sub(r"[^a-z0-9]+", "-", ename.lower()).strip("-") or "error")


def _exercise_of(grade_id: str) -> str:
    return grade_id[len("test_"):] if grade_id.startswith("test_") else grade_id


def outcomes_of_test_cells(notebook: dict) -> list[TestCellOutcome]:
    """Every autograded test cell of an autograded notebook, with its mistake if it failed."""
    outcomes = []
    for cell in notebook.get("cells", []):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.get("cell_type") != "code" or not meta.get("grade") or meta.get("solution"):
            continue
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        exercise = _exercise_of(meta.get("grade_id", "?"))
        if not errors:
            outcomes.append(TestCellOutcome(exercise, None))
            continue
        ename = str(errors[-1].get("ename", "Error"))
        evalue = _ANSI.sub("", str(errors[-1].get("evalue", ""))).strip()
        message = _TAG.sub("", evalue)
        outcomes.append(TestCellOutcome(exercise, _mistake_of_error(ename, evalue), f"{ename}: {message}"))
    return outcomes


def exercise_titles(notebook: dict) -> dict[str, str]:
    """exercise -> its heading ("3.2 · derive · ★★ — The gradient ..."), read from the markdown
    cell before each answer cell."""
    titles, heading = {}, None
    for cell in notebook.get("cells", []):
        text = "".join(cell.get("source", "")) if isinstance(cell.get("source"), list) else cell.get("source", "")
        if cell.get("cell_type") == "markdown":
            found = _HEADING.search(text)
            if found:
                heading = " · ".join(found.groups()[:3]) + " — " + found.group(4)
            continue
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if meta.get("solution") and not meta.get("grade") and heading:
            titles.setdefault(meta.get("grade_id"), heading)
    return titles


# -- what the report holds -----------------------------------------------------------------------------
@dataclass
class ExerciseSummary:
    name: str
    title: str
    max_score: float
    scores: list[float] = field(default_factory=list)  # one per graded submission
    mistakes: Counter = field(default_factory=Counter)  # identifier -> submissions that made it
    examples: dict[str, str] = field(default_factory=dict)  # identifier -> one message

    def share(self) -> tuple[float, float, float]:
        """(full, partial, none) as fractions of the graded submissions."""
        n = len(self.scores) or 1
        full = sum(s >= self.max_score for s in self.scores)
        none = sum(s <= 0 for s in self.scores)
        return full / n, (len(self.scores) - full - none) / n, none / n


@dataclass
class WrittenQuestion:
    name: str
    notebook: str
    max_score: float
    waiting: int = 0
    graded: int = 0


@dataclass
class ChapterOverview:
    assignment: str
    submitted: int
    graded: int
    median_fraction: float | None  # median of total score / max over graded submissions


@dataclass
class ChapterReport:
    assignment: str
    max_score: float
    submitted: list[str]
    graded: list[str]
    not_graded: list[tuple[str, str]]  # (student, reason)
    slowest: list[tuple[str, float]]  # (student, seconds)
    totals: dict[str, float]  # student -> total points (graded submissions)
    exercises: list[ExerciseSummary]
    written: list[WrittenQuestion]
    overview: list[ChapterOverview]
    submissions_by_student: dict[str, dict[str, str]]  # student -> assignment -> "12.0 / 16" or "not graded"


# -- collecting it from a course directory ---------------------------------------------------------
def _coursedir(course: Path):
    """nbgrader's CourseDirectory as the course's nbgrader_config.py sets it up."""
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("nbgrader_config.py", path=str(course)).load_config()
    coursedir = CourseDirectory(config=config)
    coursedir.root = str(course)
    return coursedir


def _submitted_students(coursedir, assignment: str) -> list[str]:
    submitted = Path(coursedir.root) / coursedir.submitted_directory
    if not submitted.is_dir():
        return []
    return sorted(p.name for p in submitted.iterdir() if (p / assignment).is_dir())


def collect_chapter(course: Path | str, assignment: str, *, top_slowest: int = 5) -> ChapterReport:
    """Everything the page shows for ``assignment``, from the gradebook, the autograded notebooks
    and the grading records of ``course`` (the instructor's course directory)."""
    from nbgrader.api import Gradebook, MissingEntry

    course = Path(course).resolve()
    coursedir = _coursedir(course)
    submitted = _submitted_students(coursedir, assignment)
    with Gradebook(coursedir.db_url) as gradebook:
        try:
            assignment_row = gradebook.find_assignment(assignment)
        except MissingEntry:
            known = ", ".join(a.name for a in gradebook.assignments) or "none"
            raise SystemExit(f"error: the gradebook has no assignment {assignment!r} (it has: {known}). "
                             "Run `make gradebook` (or nbgrader generate_assignment) first.") from None
        exercises: dict[str, ExerciseSummary] = {}
        written: dict[str, WrittenQuestion] = {}
        for notebook in assignment_row.notebooks:
            for cell in notebook.grade_cells:
                if cell.cell_type == "code":
                    name = _exercise_of(cell.name)
                    exercises[name] = ExerciseSummary(name, name, float(cell.max_score))
                else:
                    written[cell.name] = WrittenQuestion(cell.name, notebook.name, float(cell.max_score))
        max_score = float(sum(e.max_score for e in exercises.values()) + sum(w.max_score for w in written.values()))

        notebooks = [notebook.name for notebook in assignment_row.notebooks]
        in_gradebook = {s.student_id: s for s in assignment_row.submissions}
        graded, not_graded, totals, slowest = [], [], {}, []
        titles_read = False
        for student in sorted(set(submitted) | set(in_gradebook)):
            outcome = submission_outcome(coursedir, assignment, student, notebooks)
            reason = None if outcome.graded else outcome.reason
            if reason is None and student not in in_gradebook:
                reason = "not in the gradebook: autograde it (make grade-class) first"
            if reason:
                not_graded.append((student, reason))
                continue
            graded.append(student)
            submission = in_gradebook[student]
            seconds = sum(r.seconds or 0 for r in read_statuses(course, assignment, student))
            if seconds:
                slowest.append((student, round(seconds, 2)))
            total = 0.0
            for submitted_notebook in submission.notebooks:
                outcomes = {}
                path = Path(coursedir.format_path(coursedir.autograded_directory, student, assignment)) / \
                    f"{submitted_notebook.name}.ipynb"
                if path.is_file():
                    notebook_json = json.loads(path.read_text())
                    outcomes = {o.exercise: o for o in outcomes_of_test_cells(notebook_json)}
                    if not titles_read:
                        for name, title in exercise_titles(notebook_json).items():
                            if name in exercises:
                                exercises[name].title = title
                        titles_read = True
                for grade in submitted_notebook.grades:
                    score = float(grade.score or 0.0)
                    total += score
                    if grade.cell_type == "code":
                        summary = exercises.get(_exercise_of(grade.name))
                        if summary is None:
                            continue
                        summary.scores.append(score)
                        outcome = outcomes.get(summary.name)
                        if score < summary.max_score:
                            mistake = outcome.mistake if outcome and outcome.mistake else "lost-points-without-error"
                            summary.mistakes[mistake] += 1
                            if outcome and outcome.message:
                                summary.examples.setdefault(mistake, outcome.message)
                    elif grade.name in written:
                        if grade.needs_manual_grade:
                            written[grade.name].waiting += 1
                        else:
                            written[grade.name].graded += 1
            totals[student] = total

        overview, by_student = _overview(coursedir, gradebook)
    slowest.sort(key=lambda item: -item[1])
    return ChapterReport(assignment, max_score, submitted, graded, not_graded, slowest[:top_slowest], totals,
                         list(exercises.values()), list(written.values()), overview, by_student)


def _overview(coursedir, gradebook) -> tuple[list[ChapterOverview], dict[str, dict[str, str]]]:
    """Every chapter with submissions: counts and median score; and who submitted what."""
    overview, by_student = [], {}
    for assignment in sorted(gradebook.assignments, key=lambda a: a.name):
        submissions = list(assignment.submissions)
        if not submissions:
            continue
        fractions, graded = [], 0
        maximum = float(assignment.max_score or 0)
        notebooks = [notebook.name for notebook in assignment.notebooks]
        for submission in submissions:
            student = submission.student_id
            if not submission_outcome(coursedir, assignment.name, student, notebooks).graded:
                by_student.setdefault(student, {})[assignment.name] = "not graded"
                continue
            graded += 1
            score = float(submission.score or 0)
            fractions.append(score / maximum if maximum else 0.0)
            by_student.setdefault(student, {})[assignment.name] = f"{score:g} / {maximum:g}"
        overview.append(ChapterOverview(assignment.name, len(submissions), graded,
                                        statistics.median(fractions) if fractions else None))
    return overview, by_student


# -- figures -----------------------------------------------------------------------------------------
def _png(figure) -> str:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100, bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(figure)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _exercise_figure(summary: ExerciseSummary, top: int) -> str:
    import matplotlib.pyplot as plt

    from ..plots.style import COLORS

    figure, (left, right) = plt.subplots(1, 2, figsize=(9.5, 2.6), gridspec_kw={"width_ratios": [1, 1.6]})
    values = sorted(set(summary.scores) | {0.0, summary.max_score})
    counts = [sum(s == v for s in summary.scores) for v in values]
    colors = [COLORS[3] if v <= 0 else COLORS[2] if v >= summary.max_score else COLORS[1] for v in values]
    left.bar([f"{v:g}" for v in values], counts, color=colors)
    left.set_xlabel(f"points (of {summary.max_score:g})")
    left.set_ylabel("submissions")
    left.set_title("score distribution", fontsize=10)
    common = summary.mistakes.most_common(top)
    if common:
        names = [name for name, _ in common][::-1]
        right.barh(names, [count for _, count in common][::-1], color=COLORS[0])
        right.set_xlabel("submissions")
        right.set_title("most common mistakes", fontsize=10)
    else:
        right.axis("off")
        right.text(0.5, 0.5, "no mistakes recorded", ha="center", va="center", fontsize=10)
    return _png(figure)


def _overview_figure(overview: list[ChapterOverview]) -> str:
    import matplotlib.pyplot as plt

    from ..plots.style import COLORS

    figure, axes = plt.subplots(figsize=(max(4.0, 0.9 * len(overview) + 2), 2.6))
    names = [o.assignment[:2] for o in overview]
    medians = [100 * (o.median_fraction or 0.0) for o in overview]
    axes.bar(names, medians, color=COLORS[0])
    for x, (median, o) in enumerate(zip(medians, overview)):
        axes.text(x, median + 2, f"{o.graded}", ha="center", fontsize=9)
    axes.set_ylim(0, 110)
    axes.set_xlabel("chapter (number above a bar: graded submissions)")
    axes.set_ylabel("median score (%)")
    return _png(figure)


# -- the page ---------------------------------------------------------------------------------------
_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 1050px; margin: 2em auto; color: #222; line-height: 1.4 }
h1 { font-size: 1.6em } h2 { border-bottom: 1px solid #ccc; padding-bottom: .2em; margin-top: 1.6em }
table { border-collapse: collapse; margin: .5em 0 } td, th { border: 1px solid #ddd; padding: .25em .6em; text-align: left }
th { background: #f4f4f4 } .num { text-align: right } code { background: #f4f4f4; padding: 0 .2em }
.example { font-size: .9em; color: #444 } .muted { color: #777 } img { max-width: 100% }
.summary { display: flex; gap: 2em; flex-wrap: wrap } .summary div { background: #f7f7f7; padding: .5em 1em }
td.mistake { white-space: nowrap } .meaning { font-size: .8em; color: #777; white-space: normal }
"""


_BUILD_TIME = "<!-- build time -->"


def _e(value) -> str:
    return html.escape(str(value))


def render_html(report: ChapterReport, *, top_mistakes: int = 6) -> str:
    """The report as one HTML document (figures embedded)."""
    r = report
    graded_totals = list(r.totals.values())
    median = statistics.median(graded_totals) if graded_totals else None
    parts = [
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>",
        f"<title>What the class got wrong: {_e(r.assignment)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>What the class got wrong: {_e(r.assignment)}</h1>",
        "<div class='summary'>",
        f"<div><b>{len(r.submitted)}</b> submitted</div>",
        f"<div><b>{len(r.graded)}</b> graded</div>",
        f"<div><b>{len(r.not_graded)}</b> not graded</div>",
        f"<div>median <b>{'–' if median is None else f'{median:g}'}</b> of {r.max_score:g} points"
        + (f" ({written:g} of them written)" if (written := sum(w.max_score for w in r.written)) else "") + "</div>",
        "</div>",
        f"<p class='muted'>Built {time.strftime('%Y-%m-%d %H:%M')} from the gradebook, the autograded notebooks "
        "and the grader's records. Mistakes are grouped by the identifier each check gives its failure "
        "(the <code>[mistake: …]</code> at the end of a test's message).</p>",
        "<h2>Exercises</h2>",
    ]
    for summary in r.exercises:
        full, partial, none = summary.share()
        parts.append(f"<h3 id='{_e(summary.name)}'>{_e(summary.title)} <span class='muted'>"
                     f"(<code>{_e(summary.name)}</code>, {summary.max_score:g} points)</span></h3>")
        if not summary.scores:
            parts.append("<p class='muted'>No graded submission yet.</p>")
            continue
        parts.append(f"<p>{len(summary.scores)} graded: <b>{full:.0%}</b> full points, <b>{partial:.0%}</b> partial, "
                     f"<b>{none:.0%}</b> none; mean {statistics.fmean(summary.scores):.2f} points.</p>")
        parts.append(f"<img alt='scores and mistakes of {_e(summary.name)}' "
                     f"src='data:image/png;base64,{_exercise_figure(summary, top_mistakes)}'>")
        if summary.mistakes:
            parts.append("<table><tr><th>mistake</th><th class='num'>submissions</th><th>one example message</th></tr>")
            for mistake, count in summary.mistakes.most_common():
                meaning = MEANINGS.get(mistake)
                meaning = f"<div class='meaning'>{_e(meaning)}</div>" if meaning else ""
                parts.append(f"<tr><td class='mistake'><code>{_e(mistake)}</code>{meaning}</td><td class='num'>{count}</td>"
                             f"<td class='example'>{_e(summary.examples.get(mistake, '')[:400])}</td></tr>")
            parts.append("</table>")

    parts.append("<h2>Submissions not graded</h2>")
    if r.not_graded:
        parts.append("<table><tr><th>student</th><th>reason</th></tr>")
        parts += [f"<tr><td>{_e(s)}</td><td>{_e(reason)}</td></tr>" for s, reason in r.not_graded]
        parts.append("</table><p class='muted'>A notebook that is not graded has no score: look at it, "
                     "then grade it again (<code>make grade-class CHAPTER=…</code>) or by hand.</p>")
    else:
        parts.append("<p>Every submission was graded.</p>")

    parts.append("<h2>Slowest submissions</h2>")
    if r.slowest:
        parts.append("<table><tr><th>student</th><th class='num'>seconds to grade</th></tr>")
        parts += [f"<tr><td>{_e(s)}</td><td class='num'>{seconds:.1f}</td></tr>" for s, seconds in r.slowest]
        parts.append("</table>")
    else:
        parts.append("<p class='muted'>No timing recorded.</p>")

    parts.append("<h2>Written answers waiting for a person</h2>")
    if r.written:
        parts.append("<table><tr><th>answer cell</th><th class='num'>points</th><th class='num'>waiting</th>"
                     "<th class='num'>graded</th></tr>")
        parts += [f"<tr><td><code>{_e(w.name)}</code></td><td class='num'>{w.max_score:g}</td>"
                  f"<td class='num'>{w.waiting}</td><td class='num'>{w.graded}</td></tr>" for w in r.written]
        notebook = r.written[0].notebook
        parts.append("</table><p>Grade them in nbgrader's formgrader: start <code>jupyter lab</code> in the course "
                     "directory and open <i>Nbgrader → Formgrader</i>, or go straight to "
                     f"<code>http://localhost:8888/formgrader/gradebook/{_e(r.assignment)}/{_e(notebook)}</code>.</p>")
    else:
        parts.append("<p class='muted'>This chapter has no written answers.</p>")

    parts.append("<h2>The class across chapters</h2>")
    if r.overview:
        parts.append(f"<img alt='median score per chapter' src='data:image/png;base64,{_overview_figure(r.overview)}'>")
        parts.append("<table><tr><th>chapter</th><th class='num'>submitted</th><th class='num'>graded</th>"
                     "<th class='num'>median score</th></tr>")
        parts += [f"<tr><td>{_e(o.assignment)}</td><td class='num'>{o.submitted}</td><td class='num'>{o.graded}</td>"
                  f"<td class='num'>{'–' if o.median_fraction is None else f'{o.median_fraction:.0%}'}</td></tr>"
                  for o in r.overview]
        parts.append("</table>")
        chapters = [o.assignment for o in r.overview]
        parts.append(f"<details><summary>Who has submitted what ({len(r.submissions_by_student)} students)</summary>"
                     "<table><tr><th>student</th>" + "".join(f"<th>{_e(c[:2])}</th>" for c in chapters) + "</tr>")
        for student in sorted(r.submissions_by_student):
            row = r.submissions_by_student[student]
            parts.append(f"<tr><td>{_e(student)}</td>" + "".join(f"<td>{_e(row.get(c, '—'))}</td>" for c in chapters)
                         + "</tr>")
        parts.append("</table></details>")
    parts.append(f"<p class='muted'>Report built in {_BUILD_TIME} s.</p></body></html>")
    return "\n".join(parts)


def write_report(course: Path | str, assignment: str, out_dir: Path | str | None = None) -> Path:
    """Collect and render ``assignment``'s report; return the path of the HTML page
    (``<course>/reports/<assignment>.html`` unless ``out_dir`` is given)."""
    import matplotlib

    matplotlib.use("Agg")
    from ..plots.style import use_course_style

    use_course_style()
    started = time.perf_counter()
    report = collect_chapter(course, assignment)
    page = render_html(report)
    page = page.replace(_BUILD_TIME, f"{time.perf_counter() - started:.1f}")
    out = Path(out_dir) if out_dir else Path(course) / "reports"
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{assignment}.html"
    path.write_text(page, encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dlcourse.grading report",
                                     description="Write what the class got wrong in a chapter as an HTML page.")
    parser.add_argument("assignments", nargs="+", help="the chapter(s), e.g. 03_multivariate_softmax")
    parser.add_argument("--course", default=".", help="the course directory (default: here)")
    parser.add_argument("--out", default=None, help="where to write the pages (default: <course>/reports)")
    arguments = parser.parse_args(argv)
    course = Path(arguments.course).resolve()
    if not (course / "nbgrader_config.py").is_file():
        print(f"error: {course} has no nbgrader_config.py: run this from the course directory", file=sys.stderr)
        return 2
    for assignment in arguments.assignments:
        started = time.perf_counter()
        path = write_report(course, assignment, arguments.out)
        print(f"{assignment}: {path} ({time.perf_counter() - started:.1f} s)")
    return 0
