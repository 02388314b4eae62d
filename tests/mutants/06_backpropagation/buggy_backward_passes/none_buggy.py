"""Believes every check 'passes' below 1e-2."""
def buggy_backward_passes():
    return set()
