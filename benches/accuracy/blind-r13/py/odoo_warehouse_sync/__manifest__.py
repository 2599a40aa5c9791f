{
    "name": "Warehouse Legacy Sync",
    "version": "17.0.1.2.0",
    "summary": "Pull stock levels from the legacy WMS and push tracking to the carrier",
    "category": "Inventory/Inventory",
    "author": "Northwind Ops",
    "license": "LGPL-3",
    "depends": ["stock", "product"],
    "data": [
        "data/ir_cron.xml",
    ],
    "external_dependencies": {
        "python": ["psycopg2", "requests", "redis"],
    },
    "installable": True,
    "application": False,
}
