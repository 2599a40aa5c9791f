"""pygeoapi feature provider for the fire hydrant table in the water utility's PostGIS database."""

import json
import logging

from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from pygeoapi.provider.base import (
    BaseProvider,
    ProviderConnectionError,
    ProviderItemNotFoundError,
    ProviderQueryError,
)

LOGGER = logging.getLogger(__name__)

FIELDS = {
    "hydrant_id": {"type": "string"},
    "status": {"type": "string"},
    "flow_gpm": {"type": "integer"},
    "last_inspected": {"type": "string", "format": "date"},
}


class HydrantProvider(BaseProvider):
    """Serves the hydrants table as an OGC API - Features collection."""

    def __init__(self, provider_def):
        super().__init__(provider_def)
        self.table = provider_def.get("table", "hydrants")
        self.id_field = provider_def.get("id_field", "hydrant_id")
        conn = provider_def["data"]
        url = (
            f"postgresql+psycopg2://{conn['user']}:{conn['password']}"
            f"@{conn['host']}:{conn.get('port', 5432)}/{conn['dbname']}"
        )
        self.engine = create_engine(url, pool_size=5, pool_pre_ping=True)
        self._fields = dict(FIELDS)

    def get_fields(self):
        return self._fields

    def _to_feature(self, row, skip_geometry=False):
        props = {name: row[name] for name in FIELDS}
        if props["last_inspected"] is not None:
            props["last_inspected"] = props["last_inspected"].isoformat()
        return {
            "type": "Feature",
            "id": row[self.id_field],
            "geometry": None if skip_geometry else json.loads(row["geojson"]),
            "properties": props,
        }

    def query(self, offset=0, limit=10, resulttype="results", bbox=[],
              datetime_=None, properties=[], sortby=[], select_properties=[],
              skip_geometry=False, q=None, **kwargs):
        where = ["1=1"]
        params = {"limit": limit, "offset": offset}
        if bbox:
            where.append("geom && ST_MakeEnvelope(:minx, :miny, :maxx, :maxy, 4326)")
            params.update(minx=bbox[0], miny=bbox[1], maxx=bbox[2], maxy=bbox[3])
        for name, value in properties:
            if name not in FIELDS:
                raise ProviderQueryError(f"unknown property {name}")
            where.append(f"{name} = :p_{name}")
            params[f"p_{name}"] = value
        clause = " AND ".join(where)
        columns = ", ".join(FIELDS)

        try:
            with self.engine.connect() as conn:
                matched = conn.execute(
                    text(f"SELECT count(*) FROM {self.table} WHERE {clause}"), params
                ).scalar_one()
                if resulttype == "hits":
                    return {"type": "FeatureCollection", "features": [],
                            "numberMatched": matched, "numberReturned": 0}
                rows = conn.execute(
                    text(
                        f"SELECT {columns}, ST_AsGeoJSON(geom) AS geojson "
                        f"FROM {self.table} WHERE {clause} "
                        f"ORDER BY {self.id_field} LIMIT :limit OFFSET :offset"
                    ),
                    params,
                ).mappings().all()
        except OperationalError as err:
            LOGGER.error("hydrant query failed: %s", err)
            raise ProviderConnectionError("hydrant database unavailable")

        features = [self._to_feature(r, skip_geometry) for r in rows]
        return {
            "type": "FeatureCollection",
            "features": features,
            "numberMatched": matched,
            "numberReturned": len(features),
        }

    def get(self, identifier, **kwargs):
        columns = ", ".join(FIELDS)
        with self.engine.connect() as conn:
            row = conn.execute(
                text(
                    f"SELECT {columns}, ST_AsGeoJSON(geom) AS geojson "
                    f"FROM {self.table} WHERE {self.id_field} = :ident"
                ),
                {"ident": identifier},
            ).mappings().first()
        if row is None:
            raise ProviderItemNotFoundError(f"hydrant {identifier} not found")
        return self._to_feature(row)

    def __repr__(self):
        return f"<HydrantProvider> {self.table}"
