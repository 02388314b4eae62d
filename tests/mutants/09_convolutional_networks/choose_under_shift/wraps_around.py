"""Shifts with np.roll: the rows and columns that leave the frame wrap around to the other side."""


def shift_images(images, dy, dx):
    return np.roll(np.asarray(images, dtype=float), (dy, dx), axis=(-2, -1))


def choose_under_shift(predictors, val, test, shifts):
    def shifted_accuracy(predict, images, labels):
        return float(np.mean([np.mean(predict(shift_images(images, dy, dx)) == labels) for dy, dx in shifts]))

    val_scores = {name: shifted_accuracy(predict, *val) for name, predict in predictors.items()}
    chosen = max(val_scores, key=val_scores.get)
    return chosen, shifted_accuracy(predictors[chosen], *test)

