"""Rounds the part sizes down with int() instead of round()."""
def train_val_test_split(num_examples, val_fraction, test_fraction, rng):
    n_val = int(val_fraction * num_examples)
    n_test = int(test_fraction * num_examples)
    n_train = num_examples - n_val - n_test
    order = rng.permutation(num_examples)
    return order[:n_train], order[n_train:n_train + n_val], order[n_train + n_val:]
