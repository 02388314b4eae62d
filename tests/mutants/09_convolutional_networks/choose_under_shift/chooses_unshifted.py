"""Chooses by the accuracy on the unshifted validation images; only the reported test accuracy is shifted."""


def shift_images(images, dy, dx):
    H, W = images.shape[-2:]
    shifted = np.zeros(images.shape)
    shifted[..., max(dy, 0):H + min(dy, 0), max(dx, 0):W + min(dx, 0)] = \
        images[..., max(-dy, 0):H - max(dy, 0), max(-dx, 0):W - max(dx, 0)]
    return shifted


def choose_under_shift(predictors, val, test, shifts):
    def shifted_accuracy(predict, images, labels):
        return float(np.mean([np.mean(predict(shift_images(images, dy, dx)) == labels) for dy, dx in shifts]))

    val_scores = {name: float(np.mean(predict(val[0]) == val[1])) for name, predict in predictors.items()}
    chosen = max(val_scores, key=val_scores.get)
    return chosen, shifted_accuracy(predictors[chosen], *test)
