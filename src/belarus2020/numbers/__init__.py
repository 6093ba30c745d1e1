"""Numbers: phrases read into intervals in every language of our sources, number words,
interval arithmetic, and intervals and dates written back as words.

Pure functions over strings and integers: imports nothing else of the project, reads no file.
"""
