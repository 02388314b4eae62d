"""Wraps the package's gradient checker."""
from dlcourse.scratch import gradcheck


def gradient_check(loss, params, grads, h=1e-5, floor=1e-8):
    return [gradcheck.gradient_check(lambda _: loss(), p, g, eps=h, floor=floor) if p.size else 0.0
            for p, g in zip(params, grads)]
