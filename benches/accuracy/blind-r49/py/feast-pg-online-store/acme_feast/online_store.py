"""Feast online store: feature rows in Postgres, a Redis set of known-missing keys.

The Feast feature server (`feast serve`) calls online_read once per
/get-online-features request; materialization calls online_write_batch.
"""
from datetime import datetime
from typing import Any, Callable, Dict, List, Literal, Optional, Sequence, Tuple

import psycopg
import redis
from feast import Entity, FeatureView, RepoConfig
from feast.infra.key_encoding_utils import serialize_entity_key
from feast.infra.online_stores.online_store import OnlineStore
from feast.protos.feast.types.EntityKey_pb2 import EntityKey as EntityKeyProto
from feast.protos.feast.types.Value_pb2 import Value as ValueProto
from feast.repo_config import FeastConfigBaseModel
from psycopg_pool import ConnectionPool

UPSERT = """
INSERT INTO feast_online (project, fv, entity_key, feature, value, event_ts)
VALUES (%s, %s, %s, %s, %s, %s)
ON CONFLICT (project, fv, entity_key, feature)
DO UPDATE SET value = EXCLUDED.value, event_ts = EXCLUDED.event_ts
"""
SELECT = """
SELECT entity_key, feature, value, event_ts FROM feast_online
 WHERE project = %s AND fv = %s AND entity_key = ANY(%s)
"""


class AcmeOnlineStoreConfig(FeastConfigBaseModel):
    type: Literal["acme_feast.online_store.AcmeOnlineStore"] = "acme_feast.online_store.AcmeOnlineStore"
    dsn: str
    redis_url: str = "redis://localhost:6379/0"
    miss_ttl_seconds: int = 300
    pool_max_size: int = 10


class AcmeOnlineStore(OnlineStore):
    _pool: Optional[ConnectionPool] = None

    def _get_pool(self, config: RepoConfig) -> ConnectionPool:
        if self._pool is None:
            cfg = config.online_store
            self._pool = ConnectionPool(cfg.dsn, min_size=1, max_size=cfg.pool_max_size, open=True)
        return self._pool

    @staticmethod
    def _key(config: RepoConfig, entity_key: EntityKeyProto) -> bytes:
        return serialize_entity_key(
            entity_key, entity_key_serialization_version=config.entity_key_serialization_version
        )

    def online_write_batch(
        self,
        config: RepoConfig,
        table: FeatureView,
        data: List[Tuple[EntityKeyProto, Dict[str, ValueProto], datetime, Optional[datetime]]],
        progress: Optional[Callable[[int], Any]],
    ) -> None:
        rows = []
        for entity_key, values, event_ts, _created in data:
            key = self._key(config, entity_key)
            for feature, value in values.items():
                rows.append((config.project, table.name, key, feature, value.SerializeToString(), event_ts))
        with self._get_pool(config).connection() as conn:
            with conn.cursor() as cur:
                cur.executemany(UPSERT, rows)
        if progress:
            progress(len(data))

    def online_read(
        self,
        config: RepoConfig,
        table: FeatureView,
        entity_keys: List[EntityKeyProto],
        requested_features: Optional[List[str]] = None,
    ) -> List[Tuple[Optional[datetime], Optional[Dict[str, ValueProto]]]]:
        cfg = config.online_store
        keys = [self._key(config, ek) for ek in entity_keys]
        misses_key = f"feast:miss:{config.project}:{table.name}"

        hot = redis.Redis.from_url(cfg.redis_url)
        known_missing = set(hot.smembers(misses_key))
        wanted = [k for k in keys if k not in known_missing]
        if not wanted:
            return [(None, None)] * len(keys)

        pool = self._get_pool(config)
        conn = pool.getconn()
        rows = conn.execute(SELECT, (config.project, table.name, wanted)).fetchall()
        if not rows:
            hot.sadd(misses_key, *wanted)
            hot.expire(misses_key, cfg.miss_ttl_seconds)
            return [(None, None)] * len(keys)
        pool.putconn(conn)

        found: Dict[bytes, Tuple[datetime, Dict[str, ValueProto]]] = {}
        for key, feature, blob, event_ts in rows:
            if requested_features and feature not in requested_features:
                continue
            value = ValueProto()
            value.ParseFromString(blob)
            ts, feats = found.setdefault(bytes(key), (event_ts, {}))
            feats[feature] = value
            if event_ts > ts:
                found[bytes(key)] = (event_ts, feats)
        return [found.get(k, (None, None)) for k in keys]

    def update(
        self,
        config: RepoConfig,
        tables_to_delete: Sequence[FeatureView],
        tables_to_keep: Sequence[FeatureView],
        entities_to_delete: Sequence[Entity],
        entities_to_keep: Sequence[Entity],
        partial: bool,
    ) -> None:
        # Runs once per `feast apply`.
        with psycopg.connect(config.online_store.dsn, autocommit=True) as conn:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS feast_online (project text, fv text, entity_key bytea,"
                " feature text, value bytea, event_ts timestamptz,"
                " PRIMARY KEY (project, fv, entity_key, feature))"
            )
            for fv in tables_to_delete:
                conn.execute("DELETE FROM feast_online WHERE project = %s AND fv = %s", (config.project, fv.name))

    def teardown(self, config: RepoConfig, tables: Sequence[FeatureView], entities: Sequence[Entity]) -> None:
        with psycopg.connect(config.online_store.dsn, autocommit=True) as conn:
            for fv in tables:
                conn.execute("DELETE FROM feast_online WHERE project = %s AND fv = %s", (config.project, fv.name))
        if self._pool is not None:
            self._pool.close()
            self._pool = None
