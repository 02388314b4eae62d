"""Regresses the clean data instead of the noise."""
def noise_prediction_loss(denoiser, x0, t, noise, betas):
    x_t = forward_noising(x0, t, noise, betas)
    return torch.mean(torch.sum((x0 - denoiser(x_t, t)) ** 2, dim=-1))
