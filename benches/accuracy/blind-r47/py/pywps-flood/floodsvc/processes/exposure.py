from pywps import LiteralInput, LiteralOutput, Process
from pywps.app.exceptions import ProcessError
from sqlalchemy import text

from ..db import engine

EXPOSURE_SQL = text(
    """
    SELECT count(b.id) AS buildings, coalesce(sum(b.residents), 0) AS population
    FROM flood_extent f
    JOIN buildings b ON ST_Intersects(b.geom, f.geom)
    WHERE f.basin_id = :basin AND f.return_period = :rp
    GROUP BY f.basin_id
    """
)


class Exposure(Process):
    def __init__(self):
        inputs = [
            LiteralInput("basin_id", "Basin identifier", data_type="string"),
            LiteralInput("return_period", "Return period in years", data_type="integer", default=100),
        ]
        outputs = [
            LiteralOutput("buildings", "Buildings inside the flood extent", data_type="integer"),
            LiteralOutput("population", "Residents inside the flood extent", data_type="integer"),
        ]
        super().__init__(
            self._handler,
            identifier="exposure",
            title="Flood exposure for a basin",
            version="1.2",
            inputs=inputs,
            outputs=outputs,
            store_supported=True,
            status_supported=True,
        )

    def _handler(self, request, response):
        basin_id = request.inputs["basin_id"][0].data
        rp = request.inputs["return_period"][0].data

        conn = engine.connect()
        response.update_status("Intersecting buildings with flood extent", 20)
        row = conn.execute(EXPOSURE_SQL, {"basin": basin_id, "rp": rp}).one_or_none()
        if row is None:
            raise ProcessError(f"No {rp}-year flood extent for basin {basin_id}")

        response.outputs["buildings"].data = row.buildings
        response.outputs["population"].data = row.population
        conn.close()
        return response
