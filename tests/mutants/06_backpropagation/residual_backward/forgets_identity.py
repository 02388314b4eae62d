"""Backpropagates through the tanh branch only: the direct path's '+1' is missing."""
def residual_backward(dout, cache):
    linear_cache, tanh_cache = cache
    d_pre = tanh_backward(dout, tanh_cache)
    dx_branch, dw, db = linear_backward(d_pre, linear_cache)
    return dx_branch, dw, db
