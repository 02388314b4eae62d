"""Gets the Jacobians from torch's autograd instead of deriving the one-step Jacobian."""
def jacobian_norms(x, h0, w_x, w_h, b):
    x_t, w_x_t, w_h_t, b_t = (torch.tensor(np.asarray(a, dtype=float)) for a in (x, w_x, w_h, b))
    states = [torch.tensor(np.asarray(h0, dtype=float))]
    for t in range(len(x_t)):
        states.append(torch.tanh(x_t[t] @ w_x_t + states[-1] @ w_h_t + b_t))
    norms = []
    for t in range(len(x_t) + 1):
        def rest(h, t=t):
            for s in range(t, len(x_t)):
                h = torch.tanh(x_t[s] @ w_x_t + h @ w_h_t + b_t)
            return h
        norms.append(torch.linalg.norm(torch.autograd.functional.jacobian(rest, states[t].detach())).item())
    return np.array(norms)
