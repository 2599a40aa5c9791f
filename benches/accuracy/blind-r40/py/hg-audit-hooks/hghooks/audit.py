"""changegroup hook: store pushed changesets and announce the push."""
from mercurial import encoding

from . import clients


def _s(value: bytes) -> str:
    return encoding.unifromlocal(value) if value else ""


def record_push(ui, repo, hooktype, node=None, source=None, url=None, **kwargs):
    dsn = _s(ui.config(b"audit", b"dsn"))
    webhook = _s(ui.config(b"audit", b"chat_webhook"))
    first = repo[node].rev()
    rows = []
    for rev in range(first, len(repo)):
        ctx = repo[rev]
        rows.append(
            (
                _s(repo.root),
                _s(ctx.hex()),
                _s(ctx.branch()),
                _s(ctx.user()),
                _s(ctx.description()).splitlines()[0][:200] if ctx.description() else "",
                _s(url or b""),
            )
        )

    with clients.audit_pool(dsn).connection() as conn:
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO pushed_changesets (repo, node, branch, author, summary, remote) "
                "VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT (repo, node) DO NOTHING",
                rows,
            )

    if webhook and rows:
        text = f"{len(rows)} changeset(s) pushed to {rows[0][0]} ({rows[-1][2]}) by {rows[-1][3]}"
        try:
            clients.http.post(webhook, json={"text": text}, timeout=3)
        except Exception as exc:  # never fail a push because chat is down
            ui.warn(b"audit: chat webhook failed: %s\n" % str(exc).encode())
    return False
