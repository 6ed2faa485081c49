"""The output end: rendered files in, formatted files on disk out.

format.py formats in-memory sources (ruff, then black) on every core; write.py writes
``generated/<vendor>/`` atomically and reads committed trees back; surface.py describes a
client's public surface (methods, parameters, bodies), which make check and the update
report compare.
"""
