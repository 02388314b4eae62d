"""Computes F1 as the harmonic mean of precision and recall, which breaks where either is undefined."""
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
    f1 = 2 * precision * recall / (precision + recall)
    if average == "macro":
        return np.nanmean(precision), np.nanmean(recall), np.nanmean(f1)
    return precision, recall, f1
