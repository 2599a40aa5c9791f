"""connlint: a linter for database and realtime connection misuse.

This package only carries the ``connlint`` executable (installed into the environment's scripts
directory, beside ``pip``). ``find_connlint_bin()`` returns its path; ``python -m connlint`` runs it.
"""

from connlint._find import find_connlint_bin

__all__ = ["find_connlint_bin"]
