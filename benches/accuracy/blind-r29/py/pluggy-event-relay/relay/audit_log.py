"""Plugin: appends security-relevant events to the audit table."""
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

from relay.hookspecs import hookimpl

AUDITED = {"user.login", "user.role_changed", "api_key.created", "api_key.revoked"}


class AuditState:
    engine: Engine | None = None


state = AuditState()


@hookimpl
def relay_configure(config):
    # Runs exactly once, from host.main(), before the event loop starts.
    state.engine = create_engine(
        config["audit"]["database_url"], pool_size=2, max_overflow=2, pool_pre_ping=True
    )


@hookimpl
def relay_event(event):
    if event.get("type") not in AUDITED:
        return
    with state.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO audit_events (event_id, tenant, type, actor, payload) "
                "VALUES (:id, :tenant, :type, :actor, :payload)"
            ),
            {
                "id": event["id"],
                "tenant": event.get("tenant", "default"),
                "type": event["type"],
                "actor": event.get("actor"),
                "payload": str(event),
            },
        )


@hookimpl
def relay_unconfigure():
    if state.engine is not None:
        state.engine.dispose()
        state.engine = None
