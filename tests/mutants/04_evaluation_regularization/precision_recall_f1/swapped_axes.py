"""Divides precision by the row sums and recall by the column sums (the axes swapped)."""
def precision_recall_f1(C, average=None, zero_division=0.0):
    C = np.asarray(C, dtype=float)
    true_positives = np.diag(C)
    rows = C.sum(axis=0)
    columns = C.sum(axis=1)

    def divide(numerator, denominator):
        return np.divide(numerator, denominator, out=np.full(numerator.shape, float(zero_division)),
                         where=denominator > 0)

    precision = divide(true_positives, columns)
    recall = divide(true_positives, rows)
    f1 = divide(2 * true_positives, rows + columns)
    if average == "macro":
        return np.nanmean(precision), np.nanmean(recall), np.nanmean(f1)
    return precision, recall, f1
