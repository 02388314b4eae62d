"""Reports the absolute difference |g - n| instead of the relative error (6.4)."""
def gradient_check(loss, params, grads, h=1e-5, floor=1e-8):
    errors = []
    for param, grad in zip(params, grads):
        numerical = np.zeros(param.shape)
        for index in np.ndindex(param.shape):
            original = param[index]
            param[index] = original + h
            loss_plus = float(loss())
            param[index] = original - h
            loss_minus = float(loss())
            param[index] = original
            numerical[index] = (loss_plus - loss_minus) / (2 * h)
        analytic = np.asarray(grad, dtype=float)
        if analytic.size == 0:
            errors.append(0.0)
            continue
        errors.append(float(np.max(np.abs(analytic - numerical))))
    return errors
