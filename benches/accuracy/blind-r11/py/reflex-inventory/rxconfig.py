import os

import reflex as rx

config = rx.Config(
    app_name="inventory",
    db_url=os.environ.get("DATABASE_URL", "postgresql://inventory:inventory@localhost:5432/inventory"),
)
