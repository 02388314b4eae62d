"""Avoids the overflow by clipping the logits to [-30, 30] first: s(-40) comes out as s(-30)."""
def logistic(z):
    z = np.clip(np.asarray(z, dtype=float), -30, 30)
    return 1 / (1 + np.exp(-z))
