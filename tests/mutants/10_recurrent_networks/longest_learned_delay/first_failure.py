"""Returns the first delay that failed instead of the last one that was learned (off by one position)."""
def longest_learned_delay(cell, delays, threshold):
    for delay in sorted(delays):
        if delay_task_accuracy(cell, delay) < threshold:
            return int(delay)
    return int(max(delays))
