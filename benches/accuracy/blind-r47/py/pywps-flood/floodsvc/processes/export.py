import json
import os
import uuid

import boto3
from pywps import LiteralInput, LiteralOutput, Process
from sqlalchemy import text

from ..db import engine

BUCKET = os.environ.get("EXPORT_BUCKET", "flood-wps-exports")
REGION = os.environ.get("AWS_REGION", "eu-west-1")

EXTENT_SQL = text(
    "SELECT ST_AsGeoJSON(geom) AS geom FROM flood_extent "
    "WHERE basin_id = :basin AND return_period = :rp"
)


class ExportExtent(Process):
    def __init__(self):
        inputs = [
            LiteralInput("basin_id", "Basin identifier", data_type="string"),
            LiteralInput("return_period", "Return period in years", data_type="integer", default=100),
        ]
        outputs = [LiteralOutput("url", "Presigned download URL", data_type="string")]
        super().__init__(
            self._handler,
            identifier="export_extent",
            title="Export a flood extent to S3",
            version="1.0",
            inputs=inputs,
            outputs=outputs,
            store_supported=True,
            status_supported=True,
        )

    def _handler(self, request, response):
        basin_id = request.inputs["basin_id"][0].data
        rp = request.inputs["return_period"][0].data
        with engine.connect() as conn:
            geoms = conn.execute(EXTENT_SQL, {"basin": basin_id, "rp": rp}).scalars().all()

        body = json.dumps(
            {
                "type": "FeatureCollection",
                "features": [{"type": "Feature", "properties": {}, "geometry": json.loads(g)} for g in geoms],
            }
        )
        key = f"extents/{basin_id}/{rp}y/{uuid.uuid4()}.geojson"
        s3 = boto3.client("s3", region_name=REGION)
        s3.put_object(Bucket=BUCKET, Key=key, Body=body.encode(), ContentType="application/geo+json")
        response.outputs["url"].data = s3.generate_presigned_url(
            "get_object", Params={"Bucket": BUCKET, "Key": key}, ExpiresIn=3600
        )
        return response
