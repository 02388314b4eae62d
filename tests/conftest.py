"""Test-suite setup: the tests import the course helpers in tests/course.py."""

import os

