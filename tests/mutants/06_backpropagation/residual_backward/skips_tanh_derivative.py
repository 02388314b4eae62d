"""Sends dout into the linear layer without the tanh's derivative."""
def residual_backward(dout, cache):
    linear_cache, tanh_cache = cache
    dx_branch, dw, db = linear_backward(dout, linear_cache)
    return dout + dx_branch, dw, db
