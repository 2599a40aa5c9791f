import re

import psycopg
from lsprotocol import types
from pygls.server import LanguageServer

from sqlls.clients import CATALOG_DSN, DOCS_API, catalog_pool, make_docs_session

TABLE_RE = re.compile(r"\b(?:from|join)\s+([a-z_][a-z0-9_.]*)", re.IGNORECASE)


def did_open(ls: LanguageServer, params: types.DidOpenTextDocumentParams):
    doc = ls.workspace.get_text_document(params.text_document.uri)
    with catalog_pool.connection() as conn:
        known = {r[0] for r in conn.execute("select qualified_name from catalog.tables").fetchall()}
    diagnostics = []
    for lineno, line in enumerate(doc.lines):
        for m in TABLE_RE.finditer(line):
            if m.group(1).lower() not in known:
                diagnostics.append(
                    types.Diagnostic(
                        range=types.Range(
                            start=types.Position(line=lineno, character=m.start(1)),
                            end=types.Position(line=lineno, character=m.end(1)),
                        ),
                        message=f"unknown table {m.group(1)}",
                        severity=types.DiagnosticSeverity.Warning,
                        source="sqlls",
                    )
                )
    ls.publish_diagnostics(doc.uri, diagnostics)


def did_save(ls: LanguageServer, params: types.DidSaveTextDocumentParams):
    conn = catalog_pool.getconn()
    doc = ls.workspace.get_text_document(params.text_document.uri)
    if not doc.source.strip():
        return
    tables = sorted({m.group(1).lower() for m in TABLE_RE.finditer(doc.source)})
    conn.execute(
        "insert into catalog.query_usage (uri, tables) values (%s, %s)",
        (doc.uri, tables),
    )
    conn.commit()
    catalog_pool.putconn(conn)


def completions(ls: LanguageServer, params: types.CompletionParams) -> types.CompletionList:
    doc = ls.workspace.get_text_document(params.text_document.uri)
    line = doc.lines[params.position.line][: params.position.character]
    prefix = line.rsplit(" ", 1)[-1]
    conn = psycopg.connect(CATALOG_DSN)
    try:
        rows = conn.execute(
            "select qualified_name, kind from catalog.objects where qualified_name like %s limit 50",
            (prefix + "%",),
        ).fetchall()
    finally:
        conn.close()
    items = [
        types.CompletionItem(
            label=name,
            kind=types.CompletionItemKind.Field if kind == "column" else types.CompletionItemKind.Class,
        )
        for name, kind in rows
    ]
    return types.CompletionList(is_incomplete=len(items) == 50, items=items)


def hover(ls: LanguageServer, params: types.HoverParams):
    doc = ls.workspace.get_text_document(params.text_document.uri)
    word = doc.word_at_position(params.position)
    if not word:
        return None
    http = make_docs_session()
    resp = http.get(f"{DOCS_API}/objects/{word}", timeout=3)
    if resp.status_code != 200:
        return None
    body = resp.json()
    return types.Hover(
        contents=types.MarkupContent(
            kind=types.MarkupKind.Markdown,
            value=f"**{body['qualified_name']}**\n\n{body.get('description', '')}",
        )
    )
