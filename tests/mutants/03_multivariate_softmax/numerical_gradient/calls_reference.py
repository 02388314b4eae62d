"""Wraps the package's gradient checker instead of writing one."""
from dlcourse.scratch import gradcheck


def numerical_gradient(f, x, h=1e-5):
    return gradcheck.numerical_gradient(f, np.array(x, dtype=float), eps=h)
