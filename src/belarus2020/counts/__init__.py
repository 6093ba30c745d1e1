"""Counts: claims and their copies, periods, the funnel of units, and the counts read by code
from the Telegram exports.

Works on loaded tables from `data`, with `numbers`; never imports `statements`, `writing` or
`publish`: what is counted does not depend on how it is written.
"""
