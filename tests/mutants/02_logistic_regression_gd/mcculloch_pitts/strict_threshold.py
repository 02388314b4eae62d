"""Fires only above the threshold (>), so AND with threshold n never fires."""
def mcculloch_pitts(X, threshold):
    return (np.sum(X, axis=1) > threshold).astype(int)
