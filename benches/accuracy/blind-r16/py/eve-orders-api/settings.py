import os

MONGO_URI = os.environ.get("MONGO_URI", "mongodb://mongo:27017/orders")

RESOURCE_METHODS = ["GET", "POST"]
ITEM_METHODS = ["GET", "PATCH"]

DOMAIN = {
    "orders": {
        "schema": {
            "tenant": {"type": "string", "required": True},
            "sku": {"type": "string", "required": True},
            "quantity": {"type": "integer", "min": 1},
            "status": {"type": "string", "allowed": ["new", "paid", "shipped"], "default": "new"},
        },
    },
}
