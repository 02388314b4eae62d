"""End to end in a real JupyterLab and a real browser: a chapter's widget renders, reacts to its
control, and redraws its figure in place.

JupyterLab serves a scratch copy of the student notebooks (so nothing in the repository gets
saved over); headless Chromium (Debian's ``/usr/bin/chromium``, driven by Playwright) opens a
chapter, runs its setup cell and its widget cell as a student would (Shift+Enter), moves the
control with the keyboard, and checks that the picture and the text under it change. Screenshots
of every step are kept in ``test-artifacts/browser/``.

Without Chromium the test is skipped with a note, unless ``DLCOURSE_REQUIRE_BROWSER=1`` (set by
``.ci/run``, which installs Chromium) makes that a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import pytest

from course import REPO, view_path
from lab_server import TOKEN, free_port, running_server

CHROMIUM = Path(os.environ.get("DLCOURSE_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = REPO / "test-artifacts" / "browser"
# Flags for Chromium on a machine with no network and no screen.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-quic",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

# (chapter, text that identifies the widget cell, the control's description)
WIDGET_CELLS = [
    ("00_welcome", "Explorer(", "f"),
    ("02_logistic_regression_gd", "step_size_explorer(", "step size"),
    ("04_evaluation_regularization", "DecisionBoundaryExplorer(", "degree"),
    ("05_feedforward_networks", "NetworkPlayground(", "width"),
    ("08_optimizers", "optimizer_paths_explorer(", "step size"),
    ("09_convolutional_networks", "ConvolutionExplorer(", "digit"),
    ("10_recurrent_networks", "gradient_flow_explorer(", "length"),
    ("11_attention_transformers", "AttentionMapExplorer(", "query t"),
]

pytestmark = [pytest.mark.xdist_group("browser")]


def _chromium_or_skip() -> None:
    if CHROMIUM.exists():
        return
    message = f"Chromium not found at {CHROMIUM}: install Debian's `chromium` package to run the browser test"
    if os.environ.get("DLCOURSE_REQUIRE_BROWSER") == "1":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="module")
def jupyterlab(tmp_path_factory):
    _chromium_or_skip()
    scratch = tmp_path_factory.mktemp("lab")
    root = scratch / "course"
    for chapter, _, _ in WIDGET_CELLS:
        shutil.copytree(view_path("notebooks", chapter).parent, root / chapter)
    # A private settings directory: the student's own JupyterLab settings cannot interfere, and
    # every cell stays in the page (no virtual scrolling) so the test can find it.
    settings = scratch / "settings" / "@jupyterlab" / "notebook-extension"
    settings.mkdir(parents=True)
    (settings / "tracker.jupyterlab-settings").write_text(json.dumps({"windowingMode": "none"}))
    news = scratch / "settings" / "@jupyterlab" / "apputils-extension"
    news.mkdir(parents=True)
    (news / "notification.jupyterlab-settings").write_text(json.dumps({"fetchNews": "false"}))
    env = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=str(scratch / "settings"),
               JUPYTERLAB_WORKSPACES_DIR=str(scratch / "workspaces"),
               PATH=str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))
    command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--port={free_port()}", "--ip=127.0.0.1",
               f"--IdentityProvider.token={TOKEN}", f"--ServerApp.root_dir={root}"]
    if os.geteuid() == 0:
        command.append("--allow-root")
    try:
        with running_server(command, scratch, cwd=root, env=env) as base:
            yield base
    except RuntimeError as failure:
        pytest.fail(str(failure))


@pytest.fixture(scope="module")
def browser(jupyterlab):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _run_cell(page, cell) -> None:
    """Click into a code cell and run it with Shift+Enter, as a student would, then wait until
    the kernel has finished it (its prompt shows an execution number)."""
    from playwright.sync_api import Error

    for attempt in range(3):
        _accept_kernel_dialog(page)
        _focus_editor(page, cell)
        page.keyboard.press("Shift+Enter")
        # Queued ([*]) or done ([n]). A run requested while JupyterLab is still connecting the
        # kernel is dropped without a trace (the prompt stays [ ]), so ask again.
        try:
            page.wait_for_function(
                "cell => /\\[(\\*|\\d+)\\]/.test(cell.querySelector('.jp-InputPrompt').textContent)",
                arg=cell.element_handle(), timeout=15_000,
            )
            break
        except Error:
            if attempt == 2:
                raise
    page.wait_for_function(
        "cell => /\\[\\d+\\]/.test(cell.querySelector('.jp-InputPrompt').textContent)",
        arg=cell.element_handle(), timeout=120_000,
    )


def _accept_kernel_dialog(page) -> None:
    """On a loaded machine JupyterLab may give up waiting for the kernel and ask which one to
    use: a student would press Select (the course's Python is preselected)."""
    dialog = page.locator("dialog.jp-Dialog:visible")
    if dialog.count() and "Select Kernel" in dialog.first.inner_text():
        dialog.first.locator("button.jp-mod-accept").click()
        page.locator(".jp-NotebookPanel:visible .jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(timeout=90_000)


def _focus_editor(page, cell) -> None:
    from playwright.sync_api import Error

    for attempt in range(5):  # JupyterLab may re-render a cell right after the notebook opens
        try:
            _accept_kernel_dialog(page)
            cell.scroll_into_view_if_needed()
            cell.locator(".jp-InputArea-editor").click()
            cell.locator(".jp-InputArea-editor .cm-focused, .jp-InputArea-editor.jp-mod-focused").first.wait_for(timeout=5_000)
            return
        except Error:
            if attempt == 4:
                raise
            page.wait_for_timeout(1_000)


@pytest.fixture
def page(browser, request):
    """A browser tab; on failure its last state is saved as a screenshot next to the others."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    tab = browser.new_page(viewport={"width": 1280, "height": 1000})
    yield tab
    if getattr(request.node, "failed", False):
        tab.screenshot(path=str(ARTIFACTS / f"FAILED-{request.node.name}.png"), full_page=True)
    tab.close()


@pytest.mark.parametrize("chapter, marker, control", WIDGET_CELLS)
def test_widget_renders_and_redraws_in_jupyterlab(jupyterlab, page, chapter, marker, control):
    page.set_default_timeout(60_000)
    # A workspace of its own: no tab of another chapter is restored next to this one.
    page.goto(f"{jupyterlab}/lab/workspaces/{chapter}/tree/{chapter}/{chapter}.ipynb?reset&token={TOKEN}")
    notebook = page.locator(".jp-NotebookPanel:visible .jp-Notebook")
    notebook.locator(".jp-CodeCell").first.wait_for()
    # The kernel must be ready before cells run.
    page.locator(".jp-NotebookPanel:visible .jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(timeout=90_000)

    code_cells = notebook.locator(".jp-CodeCell")
    _run_cell(page, code_cells.first)  # the chapter's setup cell: imports and seed
    widget_cell = code_cells.filter(has_text=marker).first
    _run_cell(page, widget_cell)

    image = widget_cell.locator(".jp-OutputArea img.widget-image")
    image.wait_for(state="visible", timeout=120_000)
    status = widget_cell.locator(".jp-OutputArea .widget-html-content")
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    widget_cell.screenshot(path=str(ARTIFACTS / f"{chapter}-1-initial.png"))
    before_picture, before_source, before_status = image.screenshot(), image.get_attribute("src"), status.inner_text()

    slider = widget_cell.locator(".widget-slider", has=page.locator(f"label:text-is('{control}')"))
    handle = slider.locator(".noUi-handle").first
    handle.focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    # The kernel redraws and sends new PNG bytes; the browser swaps the picture in place.
    page.wait_for_function(
        "([img, old]) => img.getAttribute('src') !== old && img.complete && img.naturalWidth > 0",
        arg=[image.element_handle(), before_source], timeout=30_000,
    )
    page.wait_for_timeout(300)
    widget_cell.screenshot(path=str(ARTIFACTS / f"{chapter}-2-after-moving-{control}.png"))
    after_picture, after_status = image.screenshot(), status.inner_text()

    assert after_picture != before_picture, "the figure did not change after moving the control"
    assert after_status != before_status, f"the text under the figure did not change: {after_status!r}"
    # Only one picture: the widget redrew in place instead of adding a figure.
    assert widget_cell.locator(".jp-OutputArea img").count() == 1
