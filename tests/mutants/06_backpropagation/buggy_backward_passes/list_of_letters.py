"""Returns the right letters, as a list instead of the set the statement asks for."""
def buggy_backward_passes():
    return ["B", "D"]
