"""Takes candidate C's large error at the ReLU's kink for a bug."""
def buggy_backward_passes():
    return {"B", "C", "D"}
