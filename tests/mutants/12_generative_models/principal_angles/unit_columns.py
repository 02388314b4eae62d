"""Normalizes each column to unit length but does not make the columns orthogonal."""
def principal_angles(A, B):
    A = np.asarray(A, float)
    B = np.asarray(B, float)
    A = A / np.linalg.norm(A, axis=0)
    B = B / np.linalg.norm(B, axis=0)
    cosines = np.linalg.svd(A.T @ B, compute_uv=False)
    return np.arccos(np.clip(cosines, -1.0, 1.0))
