"""Flags every candidate whose error at h = 1e-5 is large, and misses the small persistent one."""
def buggy_backward_passes():
    return {"B", "C"}
