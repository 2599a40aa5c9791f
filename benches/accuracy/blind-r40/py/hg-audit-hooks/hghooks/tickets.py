"""pretxnchangegroup hook: reject pushes whose commits cite no open ticket."""
import re

from mercurial import encoding

from . import clients

TICKET_RE = re.compile(r"\b([A-Z]{2,6}-\d+)\b")


def require_ticket_refs(ui, repo, hooktype, node=None, **kwargs):
    dsn = encoding.unifromlocal(ui.config(b"audit", b"dsn"))
    missing = []
    cited = {}
    for rev in range(repo[node].rev(), len(repo)):
        ctx = repo[rev]
        if ctx.branch() == b"default" and len(ctx.parents()) > 1:
            continue  # merges are exempt
        refs = TICKET_RE.findall(encoding.unifromlocal(ctx.description()))
        if not refs:
            missing.append(ctx.hex()[:12])
        for ref in refs:
            cited.setdefault(ref, []).append(ctx.hex()[:12])

    if cited:
        with clients.audit_pool(dsn).connection() as conn:
            found = {
                r[0]
                for r in conn.execute(
                    "SELECT key FROM open_tickets WHERE key = ANY(%s)", (list(cited),)
                )
            }
        for ref, nodes in cited.items():
            if ref not in found:
                missing.extend(nodes)

    if missing:
        ui.warn(b"rejecting push: changesets without an open ticket: %s\n" % b", ".join(missing))
        return True
    return False
