"""Load with `%load_ext whmagics`. Clients are created once per kernel when
the extension is loaded and released when it is unloaded."""
import os

import clickhouse_connect
from sqlalchemy import create_engine

from .magics import WarehouseMagics

_state: dict = {}


def load_ipython_extension(ipython):
    if "engine" not in _state:
        _state["engine"] = create_engine(
            os.environ.get("WAREHOUSE_URL", "postgresql+psycopg://analyst@warehouse/dw"),
            pool_size=2,
            max_overflow=0,
            pool_pre_ping=True,
        )
    if "clickhouse" not in _state:
        _state["clickhouse"] = clickhouse_connect.get_client(
            host=os.environ.get("CLICKHOUSE_HOST", "clickhouse.internal"),
            username=os.environ.get("CLICKHOUSE_USER", "analyst"),
            password=os.environ.get("CLICKHOUSE_PASSWORD", ""),
            database="events",
        )
    ipython.register_magics(
        WarehouseMagics(ipython, engine=_state["engine"], clickhouse=_state["clickhouse"])
    )


def unload_ipython_extension(ipython):
    engine = _state.pop("engine", None)
    if engine is not None:
        engine.dispose()
    ch = _state.pop("clickhouse", None)
    if ch is not None:
        ch.close()
