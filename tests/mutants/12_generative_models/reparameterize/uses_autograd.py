"""Writes the forward pass in torch and asks autograd for the gradients: nothing derived by hand."""
def reparameterize(mean, log_variance, noise, grad_z):
    mean_t = torch.tensor(np.asarray(mean, dtype=float), requires_grad=True)
    log_variance_t = torch.tensor(np.asarray(log_variance, dtype=float), requires_grad=True)
    z = mean_t + torch.exp(0.5 * log_variance_t) * torch.tensor(np.asarray(noise, dtype=float))
    grad_mean, grad_log_variance = torch.autograd.grad(z, (mean_t, log_variance_t),
                                                       grad_outputs=torch.tensor(np.asarray(grad_z, dtype=float)))
    return z.detach().numpy(), grad_mean.numpy(), grad_log_variance.numpy()
