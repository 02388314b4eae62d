"""Never zeroes the gradients: each step adds the new gradient to all the earlier ones."""
def train_reverser(train_inputs, train_targets, val_inputs, val_targets, vocabulary_size, use_positions=True,
                   num_steps=150, seed=0):
    """Train embedding + (positional encodings) + one encoder layer + linear classifier to reverse sequences.

    Args:
        train_inputs, train_targets: int arrays of shape (n, T); targets[:, t] = inputs[:, T - 1 - t].
        val_inputs, val_targets: int arrays of shape (m, T).
        vocabulary_size: V, the number of token ids.
        use_positions: add the sinusoidal positional encodings to the embedded tokens.
        num_steps: Adam steps on minibatches of 64 sequences.
        seed: for torch.manual_seed and the minibatch generator.

    Returns:
        predict: function from an int array (n, T) to the predicted tokens, an int64 array (n, T).
        val_accuracy: the fraction of validation tokens predicted right, a float.
    """
    torch.manual_seed(seed)
    dim = 32
    embedding = torch.nn.Embedding(vocabulary_size, dim)
    layer = torch.nn.TransformerEncoderLayer(dim, 2, dim_feedforward=64, dropout=0.0, batch_first=True)
    classifier = torch.nn.Linear(dim, vocabulary_size)
    length = train_inputs.shape[1]
    positions = (torch.as_tensor(sinusoidal_positional_encoding(length, dim), dtype=torch.float32) if use_positions
                 else torch.zeros(length, dim))

    def logits_of(tokens):                                        # (n, T) -> (n, T, V)
        return classifier(layer(embedding(tokens) + positions))

    parameters = [*embedding.parameters(), *layer.parameters(), *classifier.parameters()]
    optimizer = torch.optim.Adam(parameters, lr=5e-3)
    X = torch.as_tensor(train_inputs, dtype=torch.int64)
    Y = torch.as_tensor(train_targets, dtype=torch.int64)
    generator = torch.Generator().manual_seed(seed)
    for _ in range(num_steps):
        batch = torch.randint(0, len(X), (64,), generator=generator)
        logits = logits_of(X[batch])
        loss = torch.nn.functional.cross_entropy(logits.reshape(-1, vocabulary_size), Y[batch].reshape(-1))
        loss.backward()
        optimizer.step()

    def predict(inputs):
        with torch.no_grad():
            return logits_of(torch.as_tensor(inputs, dtype=torch.int64)).argmax(dim=-1).numpy().astype(np.int64)

    return predict, float(np.mean(predict(val_inputs) == val_targets))
