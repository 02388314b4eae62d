# The course in two commands: `make lab` (open the course in JupyterLab) and `make test`
# (run every test). Both install the pinned environment into .venv first when it is missing or
# older than requirements.lock / pyproject.toml. `make help` lists the rest.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
# nbgrader runs helper programs (alembic, jupyter) by name: find the environment's first.
export PATH := $(CURDIR)/$(BIN):$(PATH)
# Every chapter by default; `make release CHAPTERS=02_logistic_regression_gd` regenerates one.
CHAPTERS ?= $(sort $(notdir $(wildcard source/[0-9][0-9]_*)))

# Extra arguments: `make lab LAB_ARGS="--no-browser --port 8899"`, `make test PYTEST_ARGS="-k sync"`.
LAB_ARGS ?=
PYTEST_ARGS ?=
# Where `make grade` writes the HTML feedback.
FEEDBACK ?= my_feedback
# The first chapter JupyterLab opens on.
START_NOTEBOOK := notebooks/00_welcome/00_welcome.ipynb
# Jupyter refuses to start as root unless told to (containers and CI machines often are root).
LAB_ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

# A student repository (`make student-repo`) has no source/, tests/ or benchmarks/: the targets
# that need them say so instead of failing halfway. Use: $(call instructor_only,tests)
instructor_only = @test -d $(1) || { echo "make $@: there is no $(1)/ here (a student repository \
  has none); 'make grade' grades your notebooks."; exit 2; }

.PHONY: help install lab test release gradebook grade grade-class report student-repo bench bench-grading mutation-scan lock clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 14

install: $(INSTALLED)  ## create .venv and install the pinned environment (done by lab/test when needed)

$(INSTALLED): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; v = sys.version_info[:2]; sys.exit(0 if v == (3, 11) else \
	  "The course environment is pinned for Python 3.11 but $(PYTHON) is %d.%d: run `make PYTHON=python3.11 ...`, or use environment.yml with conda." % v)'
	@start=$$(date +%s); \
	  test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || exit 1; \
	  echo "Installing the pinned environment into $(VENV) (a few minutes the first time)..."; \
	  log=$(VENV)/install.log; \
	  { $(BIN)/python -m pip install -r requirements.lock && \
	    $(BIN)/python -m pip install --no-deps -e . ; } > $$log 2>&1 \
	    || { tail -n 40 $$log; echo "Install failed; the whole log is $$log."; exit 1; }; \
	  echo "Installed in $$(( $$(date +%s) - start )) s."
	@touch $@

lab: $(INSTALLED)  ## open JupyterLab on the course (stop it with Ctrl-C)
	$(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)" \
	  --LabApp.default_url=/lab/tree/$(START_NOTEBOOK) $(LAB_ROOT_FLAG) $(LAB_ARGS)

test: $(INSTALLED)  ## run the whole test suite (what CI runs)
	$(call instructor_only,tests)
	@start=$$(date +%s); \
	  $(BIN)/python -m pytest --durations=12 $(PYTEST_ARGS); status=$$?; \
	  echo "make test took $$(( $$(date +%s) - start )) s."; exit $$status

release: $(INSTALLED)  ## regenerate notebooks/ and solutions/ from source/ with nbgrader
	$(call instructor_only,source)
	@set -e; for chapter in $(CHAPTERS); do \
	  echo "== $$chapter"; \
	  $(BIN)/nbgrader generate_assignment "$$chapter" --force --log-level=WARN; \
	  $(BIN)/nbgrader generate_solution "$$chapter" --force --log-level=WARN; \
	done

gradebook: $(INSTALLED)  ## record every chapter's test cells and points in gradebook.db (instructors; seconds)
	$(BIN)/nbgrader generate_assignment "*" --force --log-level=ERROR

grade: $(INSTALLED)  ## grade your notebooks/ with the course's grader (CHAPTER=01_... for one)
	$(BIN)/python -m dlcourse.grading notebooks $(CHAPTER) --feedback "$(FEEDBACK)"

grade-class: $(INSTALLED)  ## instructors: autograde CHAPTER=... for every submission, in parallel (WORKERS=n, SCHEDULER=tcp://...)
	@test -n "$(CHAPTER)" || { echo "usage: make grade-class CHAPTER=01_linear_regression_mle [WORKERS=4] [SCHEDULER=tcp://host:8786]"; exit 2; }
	$(BIN)/python -m dlcourse.grading class "$(CHAPTER)" $(if $(WORKERS),--workers $(WORKERS)) $(if $(SCHEDULER),--scheduler $(SCHEDULER))

report: $(INSTALLED)  ## instructors: what the class got wrong in CHAPTER=..., as reports/<chapter>.html
	@test -n "$(CHAPTER)" || { echo "usage: make report CHAPTER=01_linear_regression_mle"; exit 2; }
	$(BIN)/python -m dlcourse.grading report $(CHAPTER)

student-repo: $(INSTALLED)  ## write what students get to DEST=<dir>: no solutions, hidden tests or tests/
	$(call instructor_only,source)
	@test -n "$(DEST)" || { echo "usage: make student-repo DEST=<new directory>"; exit 2; }
	$(BIN)/python -m dlcourse.grading.student_repo "$(DEST)"

bench: $(INSTALLED)  ## measure speed: NumPy vs PyTorch, widget redraw times, model training times
	$(call instructor_only,benchmarks)
	$(BIN)/python benchmarks/numpy_vs_torch.py
	$(BIN)/python benchmarks/widget_redraw.py
	$(BIN)/python benchmarks/model_training.py

mutation-scan: $(INSTALLED)  ## authors: which small automatic changes of CHAPTER=...'s solutions still pass its tests (minutes)
	$(call instructor_only,tests)
	@test -n "$(CHAPTER)" || { echo "usage: make mutation-scan CHAPTER=03_multivariate_softmax"; exit 2; }
	$(BIN)/python tests/mutation_scan.py $(CHAPTER) --show

bench-grading: $(INSTALLED)  ## measure grading: per submission by chapter, the sandbox's cost, sequential vs parallel vs Dask (minutes)
	$(call instructor_only,benchmarks)
	$(BIN)/python benchmarks/submission_cost.py
	$(BIN)/python benchmarks/sandbox_cost.py
	$(BIN)/python benchmarks/class_grading.py $(BENCH_ARGS)

lock:  ## re-resolve requirements.lock from pyproject.toml's ranges (maintainers)
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade pip
	.lock-venv/bin/python -m pip install --quiet torch==2.13.0 -e '.[course,test]'
	{ echo "# The pinned environment that make, CI and environment.yml install (Python 3.11)."; \
	  echo "# Regenerate with 'make lock' after changing the ranges in pyproject.toml."; \
	  .lock-venv/bin/python -m pip freeze --exclude-editable | sed -E 's/^torch==([0-9.]+)\+cpu$$/torch==\1/'; \
	} > requirements.lock
	rm -rf .lock-venv

clean:  ## remove the virtual environment and caches
	rm -rf $(VENV) .pytest_cache
	find . -name __pycache__ -prune -exec rm -rf {} +
