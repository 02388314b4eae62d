"""Starts dx as dout itself and adds to it in place: the caller's dout changes."""
def residual_backward(dout, cache):
    linear_cache, tanh_cache = cache
    d_pre = tanh_backward(dout, tanh_cache)
    dx_branch, dw, db = linear_backward(d_pre, linear_cache)
    dx = dout
    dx += dx_branch
    return dx, dw, db
