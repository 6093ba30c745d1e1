"""Writing: prose templates and their filling, the ledger's numbers, escaping, the charts'
house style and `save`, the chart catalogue and plot helpers.

Turns counts and statements into words and pictures; never imports `publish`, which assembles
what this writes.
"""
