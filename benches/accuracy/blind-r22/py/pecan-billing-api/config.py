# Pecan configuration, loaded by pecan.load_app / `pecan serve config.py`.
import os

server = {"port": "8080", "host": "0.0.0.0"}

app = {
    "root": "billing.controllers.root.RootController",
    "modules": ["billing"],
    "debug": False,
    "guess_content_type_from_ext": False,
}

sqlalchemy = {
    "url": os.environ.get(
        "BILLING_DATABASE_URL", "postgresql+psycopg://billing:billing@localhost:5432/billing"
    ),
    "pool_size": 5,
    "max_overflow": 5,
}

redis = {"url": os.environ.get("REDIS_URL", "redis://localhost:6379/2")}

logging = {
    "root": {"level": "INFO", "handlers": ["console"]},
    "handlers": {"console": {"level": "INFO", "class": "logging.StreamHandler"}},
}
