"""Helpers for the internal data-catalog HTTP API."""
import os

import httpx

CATALOG_TOKEN_ENV = "DATACATALOG_TOKEN"


def catalog_client(base_url):
    """Build an authenticated client for the data catalog."""
    token = os.environ.get(CATALOG_TOKEN_ENV, "")
    return httpx.Client(
        base_url=base_url,
        headers={"Authorization": f"Bearer {token}", "Accept": "application/json"},
        timeout=httpx.Timeout(2.0, connect=1.0),
    )


def format_table_doc(table):
    """Render a catalog table record as hover markdown."""
    lines = [f"**{table['schema']}.{table['name']}**"]
    if table.get("description"):
        lines.append("")
        lines.append(table["description"])
    owner = table.get("owner")
    if owner:
        lines.append("")
        lines.append(f"_owner: {owner.get('team', '?')} ({owner.get('slack', '')})_")
    columns = table.get("columns") or []
    if columns:
        lines.append("")
        lines.append("| column | type | description |")
        lines.append("|---|---|---|")
        for col in columns[:25]:
            desc = (col.get("description") or "").replace("|", "\\|")
            lines.append(f"| `{col['name']}` | {col['type']} | {desc} |")
        if len(columns) > 25:
            lines.append(f"| ... | | {len(columns) - 25} more |")
    return "\n".join(lines)
