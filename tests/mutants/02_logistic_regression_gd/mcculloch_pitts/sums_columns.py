"""Sums over the patterns (axis=0) instead of over each pattern's inputs."""
def mcculloch_pitts(X, threshold):
    return (np.sum(X, axis=0) >= threshold).astype(int)
