"""Passes dout straight through as dx, dropping the branch's contribution."""
def residual_backward(dout, cache):
    linear_cache, tanh_cache = cache
    d_pre = tanh_backward(dout, tanh_cache)
    dx_branch, dw, db = linear_backward(d_pre, linear_cache)
    return np.asarray(dout, dtype=float), dw, db
