import os

from piccolo.conf.apps import AppRegistry
from piccolo.engine.postgres import PostgresEngine

DB = PostgresEngine(
    config={"dsn": os.environ.get("TICKS_DSN", "postgresql://ticks:ticks@pg.lan:5432/ticks")},
)

APP_REGISTRY = AppRegistry(apps=["ticks.piccolo_app"])
