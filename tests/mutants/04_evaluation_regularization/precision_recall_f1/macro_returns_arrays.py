"""Keeps the averaged axis: the macro averages come back as arrays of shape (1,), not numbers."""
def precision_recall_f1(C, average=None, zero_division=0.0):
    C = np.asarray(C, dtype=float)
    true_positives = np.diag(C)
    predicted = C.sum(axis=0)
    actual = C.sum(axis=1)

    def divide(numerator, denominator):
        return np.divide(numerator, denominator, out=np.full(numerator.shape, float(zero_division)),
                         where=denominator > 0)

    precision = divide(true_positives, predicted)
    recall = divide(true_positives, actual)
    f1 = divide(2 * true_positives, predicted + actual)
    if average == "macro":
        return (np.nanmean(precision, keepdims=True), np.nanmean(recall, keepdims=True),
                np.nanmean(f1, keepdims=True))
    return precision, recall, f1
