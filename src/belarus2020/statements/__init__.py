"""Statements: utterances and occasions, the theme lexicon and its validation against our hand
coding, proportions with Wilson intervals, forums and their sampling frames.

May use `counts` (copies are grouped as claims are), `data` and `numbers`; never `writing` or
`publish`.
"""
