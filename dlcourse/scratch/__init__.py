"""NumPy implementations written from first principles: what the chapters teach.

Each module holds one concept (``preprocessing``, ``linear_models``, ``losses``, ...). Chapter demos
call these after you have written your own version in an exercise, so a notebook still runs while
your exercise is unfinished.
"""
