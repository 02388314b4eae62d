"""Uses this step's alpha_t alone, as if x_t came from x_0 in one step."""
def forward_noising(x0, t, noise, betas):
    alpha = (1.0 - betas)[t][:, None]
    return torch.sqrt(alpha) * x0 + torch.sqrt(1.0 - alpha) * noise
