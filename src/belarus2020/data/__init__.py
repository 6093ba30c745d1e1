"""Data: where the project's files are, reading the CSVs, their schema and meaning rules, and
the one error type that names file, row, column and the fix.

Owns `data/raw/` and our own tables in `data/` as loaded tables. Imports only `numbers` (each
phrase is read into an interval as it is loaded); never anything that counts, writes or publishes.
"""
