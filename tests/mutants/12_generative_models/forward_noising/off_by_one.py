"""Counts the steps from 0: the product stops before betas[t] (index t taken as step t)."""
def forward_noising(x0, t, noise, betas):
    alpha_bars = torch.cat([torch.ones(1, dtype=betas.dtype), torch.cumprod(1.0 - betas, dim=0)])
    alpha_bar = alpha_bars[t][:, None]
    return torch.sqrt(alpha_bar) * x0 + torch.sqrt(1.0 - alpha_bar) * noise
