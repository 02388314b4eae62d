"""Corrects with t + 1, as if the steps were counted from 0."""
def adam_step(w, grad, m, v, t, lr, betas=(0.9, 0.999), eps=1e-8):
    """One step of Adam (torch.optim.Adam) for one parameter array.

    Args:
        w, grad: parameter and its gradient, same shape.
        m, v: running averages of the gradient and of its square after step t - 1 (zeros at first).
        t: this step's number, counted from 1.
        lr: step size. betas: (beta1, beta2), the decays of m and v. eps: added to sqrt(v_hat).

    Returns:
        new_w, new_m, new_v: float arrays of w's shape (new_m, new_v uncorrected).
    """
    beta1, beta2 = betas
    grad = np.asarray(grad, dtype=float)
    new_m = beta1 * m + (1.0 - beta1) * grad
    new_v = beta2 * v + (1.0 - beta2) * grad * grad
    m_hat = new_m / (1.0 - beta1 ** (t + 1))
    v_hat = new_v / (1.0 - beta2 ** (t + 1))
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), new_m, new_v
