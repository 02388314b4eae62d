"""Feeds the clean data to the denoiser instead of the noised x_t."""
def noise_prediction_loss(denoiser, x0, t, noise, betas):
    return torch.mean(torch.sum((noise - denoiser(x0, t)) ** 2, dim=-1))
