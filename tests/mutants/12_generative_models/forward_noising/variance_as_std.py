"""Multiplies the noise by the variance 1 - alpha_bar instead of its square root."""
def forward_noising(x0, t, noise, betas):
    alpha_bar = torch.cumprod(1.0 - betas, dim=0)[t][:, None]
    return torch.sqrt(alpha_bar) * x0 + (1.0 - alpha_bar) * noise
