"""Fills the result with np.full_like of the integer diagonal: the output array is an integer array,
so the fractions cannot be stored in it (and zero_division = nan cannot either)."""
def precision_recall_f1(C, average=None, zero_division=0.0):
    C = np.asarray(C)
    true_positives = np.diag(C)
    predicted = C.sum(axis=0)
    actual = C.sum(axis=1)

    def divide(numerator, denominator):
        out = np.full_like(numerator, zero_division)
        return np.divide(numerator, denominator, out=out, where=denominator > 0)

    precision = divide(true_positives, predicted)
    recall = divide(true_positives, actual)
    f1 = divide(2 * true_positives, predicted + actual)
    if average == "macro":
        return float(np.nanmean(precision)), float(np.nanmean(recall)), float(np.nanmean(f1))
    return precision, recall, f1
