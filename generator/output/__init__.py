"""The output end: rendered files in, formatted files on disk out.

format.py formats in-memory sources (ruff's import sorting and formatter, set as black is) on
every core, and asks black which files it would change (make check); write.py writes
``generated/<vendor>/`` atomically and reads committed trees back; surface.py describes a
client's public surface (methods, parameters, bodies), which make check and the update
report compare.
"""
