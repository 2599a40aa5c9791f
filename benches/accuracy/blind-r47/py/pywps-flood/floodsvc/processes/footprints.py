import json
import os

from pywps import FORMATS, ComplexOutput, LiteralInput, Process
from sqlalchemy import create_engine, text

_engine = create_engine(os.environ["DATABASE_URL"], pool_pre_ping=True)

FOOTPRINT_SQL = text(
    """
    SELECT b.id, b.use_class, ST_AsGeoJSON(b.geom) AS geom
    FROM buildings b
    JOIN flood_extent f ON ST_Intersects(b.geom, f.geom)
    WHERE f.basin_id = :basin AND f.return_period = :rp
    LIMIT 20000
    """
)


class Footprints(Process):
    def __init__(self):
        inputs = [
            LiteralInput("basin_id", "Basin identifier", data_type="string"),
            LiteralInput("return_period", "Return period in years", data_type="integer", default=100),
        ]
        outputs = [
            ComplexOutput("footprints", "Flooded building footprints", supported_formats=[FORMATS.GEOJSON]),
        ]
        super().__init__(
            self._handler,
            identifier="footprints",
            title="Flooded building footprints",
            version="1.0",
            inputs=inputs,
            outputs=outputs,
            store_supported=True,
            status_supported=True,
        )

    def _handler(self, request, response):
        basin_id = request.inputs["basin_id"][0].data
        rp = request.inputs["return_period"][0].data
        with _engine.connect() as conn:
            rows = conn.execute(FOOTPRINT_SQL, {"basin": basin_id, "rp": rp}).all()
        features = [
            {
                "type": "Feature",
                "id": r.id,
                "properties": {"use_class": r.use_class},
                "geometry": json.loads(r.geom),
            }
            for r in rows
        ]
        response.outputs["footprints"].data = json.dumps(
            {"type": "FeatureCollection", "features": features}
        )
        return response
