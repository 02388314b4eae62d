"""Scales x0 in place to save memory, changing the caller's data."""
def forward_noising(x0, t, noise, betas):
    alpha_bar = torch.cumprod(1.0 - betas, dim=0)[t][:, None]
    x0 *= torch.sqrt(alpha_bar)
    return x0 + torch.sqrt(1.0 - alpha_bar) * noise
