"""Ignores the rng passed in and uses its own generator with a fixed seed."""
def perceptron_train(X, y, num_epochs, rng):
    w, b = np.zeros(np.shape(X)[1]), 0.0
    mistakes = np.zeros(num_epochs, dtype=int)
    own_rng = np.random.default_rng(0)
    for epoch in range(num_epochs):
        for r in own_rng.permutation(len(y)):
            prediction = 1 if X[r] @ w + b > 0 else -1
            if prediction != y[r]:
                w = w + y[r] * X[r]
                b = b + float(y[r])
                mistakes[epoch] += 1
    return w, b, mistakes
