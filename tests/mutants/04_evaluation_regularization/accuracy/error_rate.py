"""Returns the fraction of wrong decisions (the error rate) instead of the right ones."""
def accuracy(y_true, probabilities):
    probabilities = np.asarray(probabilities)
    if probabilities.ndim == 1:
        predicted = (probabilities >= 0.5).astype(int)
    else:
        predicted = np.argmax(probabilities, axis=1)
    return np.mean(predicted != y_true)
