"""Returns the loss as a NumPy array of one element."""
def mlp_loss_and_gradients(params, X, labels, activation="relu"):
    forward, backward = {"relu": (relu_forward, relu_backward), "tanh": (tanh_forward, tanh_backward)}[activation]
    num_layers = len(params) // 2
    caches = []
    h = X
    for l in range(num_layers):
        a, linear_cache = linear_forward(h, params[2 * l], params[2 * l + 1])
        if l < num_layers - 1:
            h, activation_cache = forward(a)
        else:
            h, activation_cache = a, None
        caches.append((linear_cache, activation_cache))
    loss, delta = softmax_cross_entropy(h, labels)
    grads = [None] * len(params)
    for l in reversed(range(num_layers)):
        linear_cache, activation_cache = caches[l]
        if activation_cache is not None:
            delta = backward(delta, activation_cache)
        delta, grads[2 * l], grads[2 * l + 1] = linear_backward(delta, linear_cache)
    return np.array([loss]), grads
