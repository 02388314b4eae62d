"""Lets PyTorch's autograd compute the derivatives instead of deriving them."""
import torch


def scalar_net_gradients(w0, w1, w2, x, y):
    weights = [torch.tensor(float(w), dtype=torch.float64, requires_grad=True) for w in (w0, w1, w2)]
    x_t = torch.tensor(np.asarray(x, dtype=float))
    y_t = torch.tensor(np.asarray(y, dtype=float))
    h2 = torch.sigmoid(weights[1] * torch.sigmoid(weights[0] * x_t))
    torch.mean((weights[2] * h2 - y_t) ** 2).backward()
    return tuple(float(w.grad) for w in weights)
