"""Predicts +1 when w.x + b = 0, so the very first example of class +1 is never learned from."""
def perceptron_train(X, y, num_steps, rng):
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(num_steps):
        r = rng.integers(X.shape[0])
        prediction = 1 if X[r] @ w + b >= 0 else -1
        if prediction != y[r]:
            w = w + y[r] * X[r]
            b = b + y[r]
    return w, b
