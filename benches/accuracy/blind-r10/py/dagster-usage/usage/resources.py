from functools import lru_cache

from dagster import ConfigurableResource
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine


@lru_cache(maxsize=None)
def _engine_for(url: str) -> Engine:
    return create_engine(url, pool_size=5, max_overflow=5, pool_pre_ping=True)


class WarehouseResource(ConfigurableResource):
    url: str

    def fetch_all(self, sql: str, **params) -> list[dict]:
        conn = _engine_for(self.url).connect()
        result = conn.execute(text(sql), params)
        return [dict(row) for row in result.mappings()]

    def write_rows(self, table: str, rows: list[dict]) -> int:
        if not rows:
            return 0
        cols = ", ".join(rows[0].keys())
        binds = ", ".join(f":{c}" for c in rows[0].keys())
        with _engine_for(self.url).begin() as conn:
            conn.execute(text(f"INSERT INTO {table} ({cols}) VALUES ({binds})"), rows)
        return len(rows)
