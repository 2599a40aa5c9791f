"""Writes permit parcels into the permits PostGIS database."""

import os

import arcpy
import psycopg2
from psycopg2.extras import execute_values

FIELDS = ["APN", "SITUS_ADDR", "SHAPE@"]


def _dsn():
    return os.environ.get(
        "PERMITS_PG_DSN", "host=gisdb.county.local dbname=permits user=gis_publisher"
    )


def load_parcels(layer, permit, schema, messages):
    conn = psycopg2.connect(_dsn(), application_name="arcgis-pro-parcel-tools")
    cur = conn.cursor()
    cur.execute(f"DELETE FROM {schema}.permit_parcels WHERE permit_no = %s", (permit,))

    rows = []
    wgs84 = arcpy.SpatialReference(4326)
    with arcpy.da.SearchCursor(layer, FIELDS, spatial_reference=wgs84) as search:
        for apn, address, shape in search:
            if shape is None or shape.pointCount == 0:
                raise arcpy.ExecuteError(f"Parcel {apn} has an empty geometry")
            rows.append((permit, apn, address, shape.WKT))

    if not rows:
        raise arcpy.ExecuteError("No parcels selected in the input layer")

    execute_values(
        cur,
        f"INSERT INTO {schema}.permit_parcels (permit_no, apn, address, geom) VALUES %s",
        rows,
        template="(%s, %s, %s, ST_Multi(ST_GeomFromText(%s, 4326)))",
    )
    conn.commit()
    cur.close()
    conn.close()
    messages.addMessage(f"Replaced parcels for {permit} in {schema}.permit_parcels")
    return len(rows)
