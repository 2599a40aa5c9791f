import datetime

import httpx
import redis
from py4web import abort, action, request

from . import reports, settings
from .common import auth, db, session

_chat = httpx.Client(timeout=5.0)


@action("api/tickets", method=["GET"])
@action.uses(db, session, auth.user)
def list_tickets():
    rows = db(db.ticket.status == "open").select(orderby=~db.ticket.priority, limitby=(0, 100))
    return {"tickets": rows.as_list()}


@action("api/tickets/<tid:int>/escalate", method=["POST"])
@action.uses(db, session, auth.user)
def escalate(tid):
    ticket = db.ticket(tid) or abort(404)
    ticket.update_record(priority=1, escalated_on=datetime.datetime.utcnow())

    counters = redis.Redis(host=settings.REDIS_HOST, port=6379, db=2)
    counters.incr(f"helpdesk:escalations:{auth.user_id}")

    with httpx.Client(base_url=settings.PAGER_URL, timeout=10.0) as pager:
        pager.post("/incidents", json={"title": ticket.subject, "ticket": tid, "severity": "high"})

    _chat.post(settings.CHAT_WEBHOOK, json={"text": f"Ticket #{tid} escalated by {auth.get_user()['email']}"})
    return {"ok": True, "ticket": tid}


@action("api/reports/sla", method=["GET"])
@action.uses(session, auth.user)
def sla_report():
    limit = int(request.query.get("limit", 50))
    return {"breached": reports.breached_sla(limit)}
