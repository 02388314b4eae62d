"""Cuts the indices in their stored order, without shuffling."""
def train_val_test_split(num_examples, val_fraction, test_fraction, rng):
    n_val = round(val_fraction * num_examples)
    n_test = round(test_fraction * num_examples)
    n_train = num_examples - n_val - n_test
    order = np.arange(num_examples)
    return order[:n_train], order[n_train:n_train + n_val], order[n_train + n_val:]
