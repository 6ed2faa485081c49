"""What every stage shares: diagnostics and the spec error (errors.py), Python identifiers and
escaping (names.py), the worker processes that use the second core (workers.py) and progress
lines for long work (progress.py). Imports nothing else of the generator.
"""
