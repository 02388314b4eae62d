"""Returns the angles in degrees instead of radians."""
def principal_angles(A, B):
    Q_A, _ = np.linalg.qr(np.asarray(A, dtype=float))
    Q_B, _ = np.linalg.qr(np.asarray(B, dtype=float))
    cosines = np.linalg.svd(Q_A.T @ Q_B, compute_uv=False)
    return np.degrees(np.arccos(np.clip(cosines, -1.0, 1.0)))
