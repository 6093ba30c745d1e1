"""Helper package for the Belarus 2020 notebooks: paths, sourced data, estimates, charts, build."""

__version__ = "0.1.0"
