"""Counts the mistakes in a float array (np.zeros(num_epochs))."""
def perceptron_train(X, y, num_epochs, rng):
    w, b = np.zeros(np.shape(X)[1]), 0.0
    mistakes = np.zeros(num_epochs)
    for epoch in range(num_epochs):
        for r in rng.permutation(len(y)):
            prediction = 1 if X[r] @ w + b > 0 else -1
            if prediction != y[r]:
                w = w + y[r] * X[r]
                b = b + float(y[r])
                mistakes[epoch] += 1
    return w, b, mistakes
