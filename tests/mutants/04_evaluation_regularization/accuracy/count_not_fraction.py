"""Counts the correct decisions but does not divide by M."""
def accuracy(y_true, probabilities):
    probabilities = np.asarray(probabilities)
    if probabilities.ndim == 1:
        predicted = (probabilities >= 0.5).astype(int)
    else:
        predicted = np.argmax(probabilities, axis=1)
    return np.sum(predicted == y_true)
