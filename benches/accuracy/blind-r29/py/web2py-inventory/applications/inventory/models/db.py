# -*- coding: utf-8 -*-
# web2py executes every model file at the start of each request.
import redis
from gluon.contrib.appconfig import AppConfig

configuration = AppConfig(reload=False)

# DAL keeps a per-process connection pool across requests when pool_size is set.
db = DAL(
    configuration.get("db.uri"),
    pool_size=configuration.get("db.pool_size"),
    migrate_enabled=configuration.get("db.migrate"),
    check_reserved=["all"],
)

stock_cache = redis.Redis(
    host=configuration.get("redis.host"),
    port=int(configuration.get("redis.port")),
    db=int(configuration.get("redis.db")),
    decode_responses=True,
)

db.define_table(
    "item",
    Field("sku", "string", length=64, unique=True, notnull=True),
    Field("name", "string", length=256),
    Field("qty", "integer", default=0),
    Field("reorder_level", "integer", default=10),
    Field("updated_on", "datetime", update=request.now, default=request.now),
    format="%(sku)s",
)

db.define_table(
    "stock_move",
    Field("item", "reference item"),
    Field("delta", "integer"),
    Field("reason", "string", length=128),
    Field("created_on", "datetime", default=request.now),
)


def cached_qty(sku):
    value = stock_cache.get("qty:%s" % sku)
    if value is not None:
        return int(value)
    row = db(db.item.sku == sku).select(db.item.qty).first()
    qty = row.qty if row else 0
    stock_cache.setex("qty:%s" % sku, 60, qty)
    return qty
