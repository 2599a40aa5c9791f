import configparser

_cfg = configparser.ConfigParser()
_cfg.read("/etc/ceph/pool_audit.conf")

DSN = _cfg.get("db", "dsn", fallback="postgresql+psycopg2://ceph_audit@db1/ceph_audit")
WEBHOOK = _cfg.get("notify", "webhook", fallback="")
SNAPSHOT_INTERVAL = _cfg.getint("audit", "interval", fallback=300)
