"""SLA report queries; kept out of controllers so the nightly export can import them."""
from pydal import DAL, Field

from . import settings

report_db = DAL(settings.DB_URI, folder=settings.DB_FOLDER, pool_size=4, migrate=False)
report_db.define_table(
    "ticket",
    Field("subject"),
    Field("priority", "integer"),
    Field("status"),
    Field("escalated_on", "datetime"),
)


def breached_sla(limit=50):
    q = (report_db.ticket.status == "open") & (report_db.ticket.priority <= 2)
    rows = report_db(q).select(
        report_db.ticket.id, report_db.ticket.subject, orderby=report_db.ticket.id, limitby=(0, limit)
    )
    report_db.commit()
    return rows.as_list()
