"""Accepts candidate D because its error is 'only' a few 1e-3."""
def buggy_backward_passes():
    return {"B"}
