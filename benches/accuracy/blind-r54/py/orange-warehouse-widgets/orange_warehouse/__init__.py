"""Warehouse widgets for Orange Canvas.

The module-level constants below describe the widget category shown in
the Orange toolbox; the helpers are shared by the widgets.
"""
import os
import re

NAME = "Warehouse"
DESCRIPTION = "Query and export tables of the analytics warehouse."
BACKGROUND = "#c8e6c9"
ICON = "icons/category.svg"
PRIORITY = 2000

DEFAULT_URL = "postgresql+psycopg2://analyst@warehouse.internal:5432/analytics"

_IDENT = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def warehouse_url() -> str:
    """Connection URL from the environment (set per analyst workstation)."""
    return os.environ.get("WAREHOUSE_URL", DEFAULT_URL)


def safe_table_name(name: str) -> str:
    """Table names come from a text box; only allow plain identifiers."""
    name = name.strip().lower()
    if not _IDENT.match(name):
        raise ValueError(f"invalid table name: {name!r}")
    return name


def sandbox_schema() -> str:
    """Each analyst writes into their own sandbox schema."""
    user = os.environ.get("USER", "analyst")
    return f"sandbox_{re.sub(r'[^a-z0-9_]', '_', user.lower())}"
