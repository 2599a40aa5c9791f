"""Queries against the county cadastre (PostGIS)."""
import os

import psycopg2

CADASTRE_DSN = os.environ.get(
    "CADASTRE_DSN", "host=gis-db.county.local dbname=cadastre user=qgis_ro"
)


def parcels_in_extent(xmin, ymin, xmax, ymax, srid=2056):
    conn = psycopg2.connect(CADASTRE_DSN, connect_timeout=5)
    try:
        with conn.cursor() as cur:
            cur.execute(
                """
                SELECT parcel_id, owner_name, land_use, ST_Area(geom)
                  FROM parcels
                 WHERE geom && ST_MakeEnvelope(%s, %s, %s, %s, %s)
                 LIMIT 500
                """,
                (xmin, ymin, xmax, ymax, srid),
            )
            return cur.fetchall()
    finally:
        conn.close()
