"""Loads the weights into the package's network and calls its forward pass."""
from dlcourse.scratch.mlp import MLP


def mlp_forward(X, weights, biases, activation):
    sizes = [np.shape(weights[0])[0]] + [np.shape(W)[1] for W in weights]
    network = MLP(sizes, activation, rng=0)
    network.weights = [np.asarray(W, dtype=float) for W in weights]
    network.biases = [np.asarray(b, dtype=float) for b in biases]
    output, caches = network.forward(X)
    return output, [cache[0][0] for cache in caches[1:]]
