"""Publish: the build (notebooks executed byte-stably, all or nothing), the ledger's entries,
the evidence pages, the article in Markdown and HTML, and the files derived from them.

The top of the package: may import every other concern, and nothing imports it but
`belarus2020.__main__`.
"""
