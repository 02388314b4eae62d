"""Returns the accuracy reached at the longest learned delay instead of the delay."""
def longest_learned_delay(cell, delays, threshold):
    best = 0.0
    for delay in sorted(delays):
        accuracy = delay_task_accuracy(cell, delay)
        if accuracy < threshold:
            break
        best = accuracy
    return best
