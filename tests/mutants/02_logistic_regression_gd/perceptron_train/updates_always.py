"""Updates after every example, right or wrong."""
def perceptron_train(X, y, num_steps, rng):
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(num_steps):
        r = rng.integers(X.shape[0])
        w = w + y[r] * X[r]
        b = b + y[r]
    return w, b
