"""Returns the longest delay that passed the threshold, even when a shorter delay failed (a lucky run counts)."""
def longest_learned_delay(cell, delays, threshold):
    learned = [d for d in delays if delay_task_accuracy(cell, d) >= threshold]
    return int(max(learned)) if learned else 0
