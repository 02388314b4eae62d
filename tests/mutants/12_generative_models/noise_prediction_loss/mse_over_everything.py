"""Uses F.mse_loss, which averages over the coordinates too: the loss is D times too small."""
def noise_prediction_loss(denoiser, x0, t, noise, betas):
    x_t = forward_noising(x0, t, noise, betas)
    return F.mse_loss(denoiser(x_t, t), noise)
