"""Always runs the experiment for the simple RNN, whatever cell it is asked about."""
def longest_learned_delay(cell, delays, threshold):
    longest = 0
    for delay in sorted(delays):
        if delay_task_accuracy("rnn", delay) < threshold:
            break
        longest = delay
    return int(longest)
