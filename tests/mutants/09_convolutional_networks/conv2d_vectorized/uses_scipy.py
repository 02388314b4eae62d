"""Lets SciPy's correlate do the sliding window, one image and filter at a time."""
from scipy import signal


def conv2d_vectorized(x, w, b, stride=1, padding=0):
    x_pad = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding))).astype(float)
    N, K = x.shape[0], w.shape[0]
    maps = [[signal.correlate(x_pad[n], w[f], mode="valid")[0, ::stride, ::stride] + b[f] for f in range(K)]
            for n in range(N)]
    return np.array(maps)
