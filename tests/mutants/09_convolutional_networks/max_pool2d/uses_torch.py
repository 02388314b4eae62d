"""Hands both passes to PyTorch: its max pooling forward, its autograd backward."""
import torch
import torch.nn.functional as F


def max_pool2d(x, pool_size):
    return F.max_pool2d(torch.tensor(np.asarray(x, dtype=float)), pool_size).numpy()


def max_pool2d_backward(dout, x, pool_size):
    x_t = torch.tensor(np.asarray(x, dtype=float), requires_grad=True)
    torch.max_pool2d(x_t, pool_size).backward(torch.tensor(np.asarray(dout, dtype=float)))
    return x_t.grad.numpy()
