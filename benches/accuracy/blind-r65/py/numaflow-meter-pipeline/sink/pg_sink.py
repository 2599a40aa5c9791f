"""Numaflow user-defined sink: writes enriched readings to Postgres."""
import json
import os
from collections.abc import Iterator

from pynumaflow.sinker import Datum, Response, Responses, Sinker, SinkServer
from sqlalchemy import create_engine, text

engine = create_engine(
    os.environ["READINGS_DB_URL"], pool_size=2, max_overflow=0, pool_pre_ping=True
)

INSERT = text(
    "INSERT INTO readings (meter_id, site, tariff, read_at, kwh) "
    "VALUES (:meter_id, :site, :tariff, :read_at, :kwh) "
    "ON CONFLICT (meter_id, read_at) DO NOTHING"
)


class ReadingSink(Sinker):
    def handler(self, datums: Iterator[Datum]) -> Responses:
        """Called once per batch the sink vertex reads from its buffer."""
        responses = Responses()
        conn = engine.connect()
        for datum in datums:
            try:
                row = json.loads(datum.value)
                conn.execute(
                    INSERT,
                    {
                        "meter_id": row["meter_id"],
                        "site": row["site"],
                        "tariff": row["tariff"],
                        "read_at": row["ts"],
                        "kwh": row["kwh"],
                    },
                )
                responses.append(Response.as_success(datum.id))
            except (KeyError, ValueError) as exc:
                responses.append(Response.as_failure(datum.id, str(exc)))
        conn.commit()
        return responses


if __name__ == "__main__":
    SinkServer(ReadingSink()).start()
