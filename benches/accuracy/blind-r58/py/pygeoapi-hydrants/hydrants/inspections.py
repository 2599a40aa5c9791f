"""Inspection visits provider. Engines are cached per database URL for the life of the worker."""

import json
import threading

from sqlalchemy import create_engine, text

from pygeoapi.provider.base import BaseProvider, ProviderItemNotFoundError

_ENGINES = {}
_LOCK = threading.Lock()


def get_engine(url):
    with _LOCK:
        engine = _ENGINES.get(url)
        if engine is None:
            engine = create_engine(url, pool_size=3, max_overflow=2, pool_pre_ping=True)
            _ENGINES[url] = engine
        return engine


class InspectionProvider(BaseProvider):
    def __init__(self, provider_def):
        super().__init__(provider_def)
        self.id_field = provider_def.get("id_field", "visit_id")
        self.engine = get_engine(provider_def["data"]["url"])
        self._fields = {
            "visit_id": {"type": "integer"},
            "hydrant_id": {"type": "string"},
            "crew": {"type": "string"},
            "outcome": {"type": "string"},
        }

    def get_fields(self):
        return self._fields

    def _feature(self, row):
        return {
            "type": "Feature",
            "id": row["visit_id"],
            "geometry": json.loads(row["geojson"]),
            "properties": {k: row[k] for k in self._fields},
        }

    def query(self, offset=0, limit=10, resulttype="results", bbox=[],
              datetime_=None, properties=[], sortby=[], select_properties=[],
              skip_geometry=False, q=None, **kwargs):
        with self.engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT visit_id, hydrant_id, crew, outcome, ST_AsGeoJSON(location) AS geojson "
                    "FROM visits ORDER BY visited_at DESC LIMIT :limit OFFSET :offset"
                ),
                {"limit": limit, "offset": offset},
            ).mappings().all()
        features = [self._feature(r) for r in rows]
        return {"type": "FeatureCollection", "features": features,
                "numberReturned": len(features)}

    def get(self, identifier, **kwargs):
        with self.engine.connect() as conn:
            row = conn.execute(
                text(
                    "SELECT visit_id, hydrant_id, crew, outcome, ST_AsGeoJSON(location) AS geojson "
                    "FROM visits WHERE visit_id = :v"
                ),
                {"v": int(identifier)},
            ).mappings().first()
        if row is None:
            raise ProviderItemNotFoundError(f"visit {identifier} not found")
        return self._feature(row)
