# -*- coding: utf-8 -*-
# Controller file: web2py re-executes this whole file for every request routed to it.
import requests

warehouse_api = requests.Session()
warehouse_api.headers.update({"Accept": "application/json"})


def index():
    items = db(db.item).select(orderby=db.item.sku, limitby=(0, 200))
    return dict(items=items)


def item():
    sku = request.args(0) or redirect(URL("index"))
    record = db(db.item.sku == sku).select().first() or redirect(URL("index"))
    return dict(item=record, qty=cached_qty(sku))


@request.restful()
def api():
    response.view = "generic.json"

    def GET(sku):
        return dict(sku=sku, qty=cached_qty(sku))

    def POST(sku, delta, reason="manual"):
        record = db(db.item.sku == sku).select().first()
        if record is None:
            raise HTTP(404, "unknown sku")
        delta = int(delta)
        record.update_record(qty=record.qty + delta)
        db.stock_move.insert(item=record.id, delta=delta, reason=reason)
        stock_cache.delete("qty:%s" % sku)
        return dict(sku=sku, qty=record.qty)

    return locals()


def sync_warehouse():
    base = configuration.get("warehouse.api")
    resp = warehouse_api.get(base + "/stock", timeout=15)
    resp.raise_for_status()
    updated = 0
    for entry in resp.json()["stock"]:
        n = db(db.item.sku == entry["sku"]).update(qty=entry["qty"])
        stock_cache.delete("qty:%s" % entry["sku"])
        updated += n
    return dict(updated=updated)
