from eve import Eve

import hooks

app = Eve(settings="settings.py")

app.on_pre_GET_orders += hooks.check_tenant_quota
app.on_inserted_orders += hooks.index_orders
app.on_inserted_orders += hooks.publish_created
app.on_updated_orders += hooks.invalidate_cached_order


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000)
