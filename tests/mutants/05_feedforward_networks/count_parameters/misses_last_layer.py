"""Off by one: the loop stops before the last pair of sizes (the output layer is not counted)."""


def count_parameters(layer_sizes):
    sizes = list(layer_sizes)
    total = 0
    for l in range(len(sizes) - 2):
        total += (sizes[l] + 1) * sizes[l + 1]
    return total if len(sizes) > 2 else (sizes[0] + 1) * sizes[1]
