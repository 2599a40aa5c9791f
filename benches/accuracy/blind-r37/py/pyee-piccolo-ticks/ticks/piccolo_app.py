import os

from piccolo.conf.apps import AppConfig

from ticks.tables import Candle, Trade

CURRENT_DIRECTORY = os.path.dirname(os.path.abspath(__file__))

APP_CONFIG = AppConfig(
    app_name="ticks",
    migrations_folder_path=os.path.join(CURRENT_DIRECTORY, "piccolo_migrations"),
    table_classes=[Trade, Candle],
    migration_dependencies=[],
    commands=[],
)
