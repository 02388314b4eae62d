"""Counts a delay as learned only when the accuracy is strictly above the threshold."""
def longest_learned_delay(cell, delays, threshold):
    longest = 0
    for delay in sorted(delays):
        if delay_task_accuracy(cell, delay) <= threshold:
            break
        longest = delay
    return int(longest)
