"""Calls torch's ready-made MSE and L1 losses instead of writing the averages."""
import torch
import torch.nn.functional as F


def data_set_losses(w, x, y):
    predictions = torch.as_tensor(w * np.asarray(x, dtype=float))
    targets = torch.as_tensor(np.asarray(y, dtype=float))
    return float(F.mse_loss(predictions, targets)), float(F.l1_loss(predictions, targets))
