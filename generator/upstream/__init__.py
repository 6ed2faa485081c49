"""Following the vendors: where each publishes (source.py, from specs/<vendor>/source.yaml),
fetching it (fetch.py), replacing the committed spec and regenerating its client with a report
of what changed (update.py), and, for a vendor that publishes only pages, what those pages say
that its hand-converted spec does not (docs_drift/).

Sits above pipeline.py and diff/, which it drives.
"""
