"""Uses the eigenvalues of Q_A^T Q_B (not symmetric, can be complex or negative) as the cosines."""
def principal_angles(A, B):
    Q_A, _ = np.linalg.qr(np.asarray(A, dtype=float))
    Q_B, _ = np.linalg.qr(np.asarray(B, dtype=float))
    cosines = np.real(np.linalg.eigvals(Q_A.T @ Q_B))
    return np.sort(np.arccos(np.clip(cosines, -1.0, 1.0)))
