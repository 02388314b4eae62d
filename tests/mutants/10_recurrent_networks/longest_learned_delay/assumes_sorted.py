"""Walks through the delays in the order given, as if they were sorted."""
def longest_learned_delay(cell, delays, threshold):
    longest = 0
    for delay in delays:
        if delay_task_accuracy(cell, delay) < threshold:
            break
        longest = delay
    return int(longest)
