"""Always reports 0 for an undefined ratio, whatever zero_division says."""
def precision_recall_f1(C, average=None, zero_division=0.0):
    C = np.asarray(C, dtype=float)
    true_positives = np.diag(C)
    predicted = C.sum(axis=0)
    actual = C.sum(axis=1)

    def divide(numerator, denominator):
        return np.divide(numerator, denominator, out=np.zeros(numerator.shape), where=denominator > 0)

    precision = divide(true_positives, predicted)
    recall = divide(true_positives, actual)
    f1 = divide(2 * true_positives, predicted + actual)
    if average == "macro":
        return np.nanmean(precision), np.nanmean(recall), np.nanmean(f1)
    return precision, recall, f1
