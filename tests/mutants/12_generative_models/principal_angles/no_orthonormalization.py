"""Takes the singular values of A^T B directly, as if the bases were orthonormal already."""
def principal_angles(A, B):
    cosines = np.linalg.svd(np.asarray(A, float).T @ np.asarray(B, float), compute_uv=False)
    return np.arccos(np.clip(cosines, -1.0, 1.0))
