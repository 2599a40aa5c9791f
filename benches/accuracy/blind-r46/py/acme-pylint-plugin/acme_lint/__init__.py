"""Acme pylint plugin. Load with ``--load-plugins=acme_lint.checker``."""
