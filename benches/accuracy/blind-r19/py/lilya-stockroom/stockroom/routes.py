from lilya.routing import Include, Path

from stockroom import handlers

routes = [
    Path("/healthz", handlers.healthz),
    Include(
        "/api",
        routes=[
            Path("/items/{sku}", handlers.get_item, methods=["GET"]),
            Path("/items/{sku}/reserve", handlers.reserve_item, methods=["POST"]),
            Path("/items/{sku}/restock", handlers.restock_item, methods=["POST"]),
            Path("/reports/warehouse/{code}", handlers.warehouse_report, methods=["GET"]),
        ],
    ),
]
