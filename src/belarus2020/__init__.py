"""Helper package for the Belarus 2020 notebooks, one sub-package per concern.

Imports run one way, from the top down: `publish`, `writing`, `statements`, `counts`, `data`,
`numbers` (tests/test_layout.py holds the package to it).
"""

__version__ = "0.1.0"
