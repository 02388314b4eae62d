"""A correct loop, but my_config() returns the naive setup, which does not train."""
def train_deep_mlp(X_train, y_train, X_val, y_val, num_classes, config, rng):
    """Full-batch training of a deep MLP configured by `config` (see the table above).

    Args:
        X_train: shape (N, D); y_train: integer labels, shape (N,).
        X_val: shape (M, D); y_val: shape (M,).
        num_classes: K.
        config: dict with the keys "hidden", "activation", "init", "batch_norm", "clip_norm", "lr",
            "momentum", "weight_decay", "steps".
        rng: np.random.Generator for the initial weights.

    Returns:
        params: dict of the final arrays ("W1", "b1", ..., and the batch-norm ones).
        train_losses: shape (steps,), the training loss before each update.
        val_accuracy: float, with batch norm in evaluation mode.
    """
    X = np.asarray(X_train, dtype=float)
    sizes = [X.shape[1], *config["hidden"], num_classes]
    L = len(config["hidden"])
    activation, use_bn = config["activation"], config["batch_norm"]

    def phi(z):
        if activation == "relu":
            return np.maximum(z, 0.0)
        if activation == "tanh":
            return np.tanh(z)
        return 0.5 * (1.0 + np.tanh(0.5 * z))                   # the logistic function, without overflow

    def phi_prime(z, h):
        if activation == "relu":
            return (z > 0).astype(float)
        if activation == "tanh":
            return 1.0 - h * h
        return h * (1.0 - h)

    params = {}
    for l in range(1, L + 2):
        shape = (sizes[l - 1], sizes[l])
        if config["init"] == "xavier":
            params[f"W{l}"] = xavier_uniform(*shape, rng)
        elif config["init"] == "he":
            params[f"W{l}"] = he_normal(*shape, rng)
        else:
            params[f"W{l}"] = rng.standard_normal(shape)
        params[f"b{l}"] = np.zeros(sizes[l])
        if use_bn and l <= L:
            params[f"gamma{l}"], params[f"beta{l}"] = np.ones(sizes[l]), np.zeros(sizes[l])
            params[f"running_mean{l}"], params[f"running_var{l}"] = np.zeros(sizes[l]), np.ones(sizes[l])
    trainable = [name for name in params if not name.startswith("running")]
    velocity = {name: np.zeros_like(params[name]) for name in trainable}

    def forward(H, training):
        caches = []
        for l in range(1, L + 1):
            z = H @ params[f"W{l}"] + params[f"b{l}"]
            bn_cache = None
            if use_bn:
                z, mean, var, bn_cache = batch_norm_forward(z, params[f"gamma{l}"], params[f"beta{l}"],
                                                            params[f"running_mean{l}"], params[f"running_var{l}"],
                                                            training)
                params[f"running_mean{l}"], params[f"running_var{l}"] = mean, var
            h = phi(z)
            caches.append((H, z, h, bn_cache))
            H = h
        return H @ params[f"W{L + 1}"] + params[f"b{L + 1}"], H, caches

    N = len(X)
    train_losses = []
    for step in range(config["steps"]):
        logits, H, caches = forward(X, True)
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        train_losses.append(-np.mean(log_p[np.arange(N), y_train]))
        d = np.exp(log_p)
        d[np.arange(N), y_train] -= 1.0
        d /= N                                                  # dL/dlogits, (N, K)
        grads = {f"W{L + 1}": H.T @ d, f"b{L + 1}": d.sum(axis=0)}
        delta = d @ params[f"W{L + 1}"].T
        for l in range(L, 0, -1):
            h_in, z, h, bn_cache = caches[l - 1]
            dz = delta * phi_prime(z, h)
            if use_bn:
                dz, grads[f"gamma{l}"], grads[f"beta{l}"] = batch_norm_backward(dz, bn_cache)
            grads[f"W{l}"], grads[f"b{l}"] = h_in.T @ dz, dz.sum(axis=0)
            delta = dz @ params[f"W{l}"].T
        if config["clip_norm"] is not None:
            clipped, _ = clip_by_global_norm([grads[name] for name in trainable], config["clip_norm"])
            grads = dict(zip(trainable, clipped))
        for name in trainable:
            params[name], velocity[name] = sgd_step(params[name], grads[name], velocity[name], config["lr"],
                                                    config["momentum"], config["weight_decay"], True)
    val_logits, _, _ = forward(np.asarray(X_val, dtype=float), False)
    return params, np.array(train_losses), float(np.mean(np.argmax(val_logits, axis=1) == y_val))



def my_config():
    """Your configuration (Part 2): NAIVE_CONFIG with the entries you choose changed."""
    return dict(NAIVE_CONFIG)
