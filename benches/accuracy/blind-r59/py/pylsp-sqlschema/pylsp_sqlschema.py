"""pylsp plugin: flags unknown tables in SQL literals and shows table docs on hover.

pylsp calls pylsp_lint on open, on every (debounced) change and on save;
pylsp_hover on every hover request from the editor.
"""
import logging
import os

import psycopg
from pylsp import hookimpl, lsp

from sqlschema_catalog import catalog_client, format_table_doc
from sqlschema_extract import find_sql_literals, referenced_tables

log = logging.getLogger(__name__)

_SCHEMA_QUERY = """
SELECT lower(table_schema || '.' || table_name)
FROM information_schema.tables
WHERE table_schema NOT IN ('pg_catalog', 'information_schema')
"""


def _settings(config, document):
    return config.plugin_settings("sqlschema", document_path=document.path)


@hookimpl
def pylsp_settings():
    return {
        "plugins": {
            "sqlschema": {
                "enabled": True,
                "dsn": None,
                "catalogUrl": "https://datacatalog.internal/api",
                "defaultSchema": "public",
            }
        }
    }


@hookimpl
def pylsp_lint(config, workspace, document, is_saved):
    settings = _settings(config, document)
    dsn = settings.get("dsn") or os.environ.get("SQLSCHEMA_DSN")
    if not dsn:
        return []
    literals = find_sql_literals(document.source)
    if not literals:
        return []

    conn = psycopg.connect(dsn, autocommit=True, connect_timeout=3)
    known = {row[0] for row in conn.execute(_SCHEMA_QUERY)}
    default_schema = settings.get("defaultSchema", "public")

    diagnostics = []
    for literal in literals:
        for table, col_offset in referenced_tables(literal.text):
            qualified = table if "." in table else f"{default_schema}.{table}"
            if qualified.lower() in known:
                continue
            start = literal.col + col_offset
            diagnostics.append(
                {
                    "source": "sqlschema",
                    "range": {
                        "start": {"line": literal.line, "character": start},
                        "end": {"line": literal.line, "character": start + len(table)},
                    },
                    "message": f"table '{qualified}' does not exist in the warehouse",
                    "severity": lsp.DiagnosticSeverity.Warning,
                }
            )
    return diagnostics


@hookimpl
def pylsp_hover(config, workspace, document, position):
    word = document.word_at_position(position)
    if not word or not any(word in lit.text for lit in find_sql_literals(document.source)):
        return None
    settings = _settings(config, document)

    client = catalog_client(settings.get("catalogUrl"))
    resp = client.get(f"/tables/{word}", params={"include": "columns,owner"})
    if resp.status_code != 200:
        return None
    return {"contents": {"kind": "markdown", "value": format_table_doc(resp.json())}}
