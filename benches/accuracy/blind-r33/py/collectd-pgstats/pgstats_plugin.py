"""collectd Python plugin: Postgres table stats plus a Mongo snapshot.

collectd loads this module once and then calls `read` every Interval seconds
for as long as the daemon runs.
"""
import collectd
from psycopg2 import pool as pgpool

from helpers import get_mongo, post_alert

CONF = {
    "dsn": None,
    "mongo_uri": None,
    "webhook": None,
    "bloat_pct": 35.0,
    "interval": 30,
}
STATE = {"pool": None}

TABLE_STATS = """
SELECT relname,
       n_live_tup,
       n_dead_tup,
       CASE WHEN n_live_tup = 0 THEN 0
            ELSE round(100.0 * n_dead_tup / n_live_tup, 2) END AS dead_pct
  FROM pg_stat_user_tables
 ORDER BY n_dead_tup DESC
 LIMIT 25
"""


def configure(conf):
    for node in conf.children:
        key = node.key.lower()
        if key == "dsn":
            CONF["dsn"] = node.values[0]
        elif key == "mongouri":
            CONF["mongo_uri"] = node.values[0]
        elif key == "alertwebhook":
            CONF["webhook"] = node.values[0]
        elif key == "bloatthresholdpct":
            CONF["bloat_pct"] = float(node.values[0])
        elif key == "interval":
            CONF["interval"] = int(node.values[0])
    collectd.register_read(read, CONF["interval"])


def init():
    STATE["pool"] = pgpool.ThreadedConnectionPool(1, 2, CONF["dsn"], application_name="collectd")
    collectd.info("pgstats: connection pool ready")


def _dispatch(type_instance, value, type_="gauge"):
    v = collectd.Values(plugin="pgstats", type=type_, type_instance=type_instance)
    v.dispatch(values=[value])


def read(data=None):
    pg = STATE["pool"]
    conn = pg.getconn()
    cur = conn.cursor()
    cur.execute(TABLE_STATS)
    rows = cur.fetchall()
    cur.close()
    pg.putconn(conn)

    bloated = []
    for relname, live, dead, dead_pct in rows:
        _dispatch(f"{relname}-live", live)
        _dispatch(f"{relname}-dead", dead)
        if float(dead_pct) >= CONF["bloat_pct"]:
            bloated.append({"table": relname, "dead_pct": float(dead_pct)})

    mongo = get_mongo(CONF["mongo_uri"])
    status = mongo.admin.command("serverStatus")
    _dispatch("mongo-connections", status["connections"]["current"])
    _dispatch("mongo-opcounters-insert", status["opcounters"]["insert"], type_="derive")

    if bloated and CONF["webhook"]:
        post_alert(CONF["webhook"], {"source": "pgstats", "bloated": bloated})


def shutdown():
    if STATE["pool"] is not None:
        STATE["pool"].closeall()


collectd.register_config(configure)
collectd.register_init(init)
collectd.register_shutdown(shutdown)
