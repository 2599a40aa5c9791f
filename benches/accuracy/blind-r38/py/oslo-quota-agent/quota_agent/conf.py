from oslo_config import cfg

CONF = cfg.CONF

opts = [
    cfg.StrOpt("connection", secret=True, help="SQLAlchemy URL of the quota database"),
    cfg.StrOpt("usage_connection", secret=True, help="SQLAlchemy URL of the usage ledger"),
    cfg.StrOpt("keystone_url", default="http://keystone.internal:5000/v3"),
    cfg.StrOpt("service_token", secret=True),
]

CONF.register_opts(opts, group="quota")
