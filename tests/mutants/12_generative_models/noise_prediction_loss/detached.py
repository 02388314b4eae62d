"""Computes the loss under torch.no_grad(): the right number, but training never moves the network."""
def noise_prediction_loss(denoiser, x0, t, noise, betas):
    with torch.no_grad():
        x_t = forward_noising(x0, t, noise, betas)
        return torch.mean(torch.sum((noise - denoiser(x_t, t)) ** 2, dim=-1))
