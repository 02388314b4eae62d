"""Wraps SciPy's ready-made subspace angles instead of deriving them."""
import scipy.linalg


def principal_angles(A, B):
    return np.sort(scipy.linalg.subspace_angles(np.asarray(A, float), np.asarray(B, float)))
