"""Uses math.log, which only takes single numbers: fails for arrays."""
import math


def gaussian_kl(mean_p, std_p, mean_q, std_q):
    ratio = std_p / std_q
    return -math.log(ratio) + (ratio**2 + ((mean_p - mean_q) / std_q) ** 2) / 2 - 0.5
