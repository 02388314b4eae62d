"""Picks the last of several equally good models (>= in a running comparison)."""


def shift_images(images, dy, dx):
    H, W = images.shape[-2:]
    shifted = np.zeros(images.shape)
    shifted[..., max(dy, 0):H + min(dy, 0), max(dx, 0):W + min(dx, 0)] = \
        images[..., max(-dy, 0):H - max(dy, 0), max(-dx, 0):W - max(dx, 0)]
    return shifted


def choose_under_shift(predictors, val, test, shifts):
    def shifted_accuracy(predict, images, labels):
        return float(np.mean([np.mean(predict(shift_images(images, dy, dx)) == labels) for dy, dx in shifts]))

    chosen, best = None, -1.0
    for name, predict in predictors.items():
        score = shifted_accuracy(predict, *val)
        if score >= best:
            chosen, best = name, score
    return chosen, shifted_accuracy(predictors[chosen], *test)
