"""Always uses its own step 1e-6, whatever h it is given."""
def gradient_check(loss, params, grads, h=1e-5, floor=1e-8):
    errors = []
    for param, grad in zip(params, grads):
        numerical = np.zeros(param.shape)
        for index in np.ndindex(param.shape):
            original = param[index]
            param[index] = original + 1e-6
            loss_plus = float(loss())
            param[index] = original - 1e-6
            loss_minus = float(loss())
            param[index] = original
            numerical[index] = (loss_plus - loss_minus) / (2 * 1e-6)
        analytic = np.asarray(grad, dtype=float)
        if analytic.size == 0:
            errors.append(0.0)
            continue
        denominator = np.maximum(np.abs(analytic) + np.abs(numerical), floor)
        errors.append(float(np.max(np.abs(analytic - numerical) / denominator)))
    return errors
