"""Reports the best epoch over the whole curve, looking past the stop."""
def early_stopping(val_losses, patience):
    """When to stop training, and which epoch's weights to keep.

    Args:
        val_losses: validation losses of epochs 0, ..., E - 1, shape (E,).
        patience: number of epochs in a row without strict improvement that stops training, >= 1.

    Returns:
        best_epoch: the epoch with the lowest loss up to the stop (the first of tied ones), an int.
        stop_epoch: the epoch at which training stops (E - 1 if patience never runs out), an int.
    """
    best_epoch, waited = 0, 0
    for epoch in range(1, len(val_losses)):
        if val_losses[epoch] < val_losses[best_epoch]:
            best_epoch, waited = epoch, 0
        else:
            waited += 1
            if waited == patience:
                return int(np.argmin(val_losses)), epoch
    return best_epoch, len(val_losses) - 1
