from roundup.exceptions import Reject

from tracker_ext import chat
from tracker_ext.warehouse import TIER_MAX_PRIORITY, pool

PRIORITY_ORDER = ["low", "normal", "urgent", "critical"]


def _customer_tier(org_code):
    conn = pool.getconn()
    cur = conn.cursor()
    cur.execute(
        "SELECT tier FROM contracts WHERE org_code = %s AND valid_to >= current_date",
        (org_code,),
    )
    row = cur.fetchone()
    if row is None:
        raise Reject("No active support contract for organisation %s" % org_code)
    cur.close()
    pool.putconn(conn)
    return row[0]


def check_priority(db, cl, nodeid, newvalues):
    if "priority" not in newvalues:
        return
    org = newvalues.get("organisation") or (nodeid and cl.get(nodeid, "organisation"))
    if not org:
        return
    org_code = db.organisation.get(org, "code")
    tier = _customer_tier(org_code)
    wanted = db.priority.get(newvalues["priority"], "name")
    allowed = TIER_MAX_PRIORITY.get(tier, "normal")
    if PRIORITY_ORDER.index(wanted) > PRIORITY_ORDER.index(allowed):
        raise Reject(
            "Priority '%s' exceeds the '%s' contract (max '%s')" % (wanted, tier, allowed)
        )


def announce_urgent(db, cl, nodeid, oldvalues):
    priority = db.priority.get(cl.get(nodeid, "priority"), "name")
    if priority not in ("urgent", "critical"):
        return
    if oldvalues and oldvalues.get("priority") == cl.get(nodeid, "priority"):
        return
    title = cl.get(nodeid, "title")
    link = "%sissue%s" % (db.config.TRACKER_WEB, nodeid)
    chat.post_to_oncall("[%s] %s" % (priority.upper(), title), link)


def init(db):
    db.issue.audit("create", check_priority)
    db.issue.audit("set", check_priority)
    db.issue.react("create", announce_urgent)
    db.issue.react("set", announce_urgent)
