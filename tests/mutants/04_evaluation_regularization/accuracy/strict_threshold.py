"""Decides class 1 only for p > 0.5, so a probability of exactly 0.5 becomes class 0."""
def accuracy(y_true, probabilities):
    probabilities = np.asarray(probabilities)
    if probabilities.ndim == 1:
        predicted = (probabilities > 0.5).astype(int)
    else:
        predicted = np.argmax(probabilities, axis=1)
    return np.mean(predicted == y_true)
