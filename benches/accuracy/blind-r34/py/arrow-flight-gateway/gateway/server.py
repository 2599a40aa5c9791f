"""Arrow Flight gateway in front of ClickHouse.

do_get / do_put / get_flight_info are invoked by the Flight RPC server for every
client call (pandas/polars notebooks, BI extracts, the nightly loaders).
"""
import json
import os

import clickhouse_connect
import pyarrow.flight as flight

from gateway import catalog, lineage

CH_HOST = os.environ.get("CH_HOST", "clickhouse.internal")


def _clickhouse(database):
    return clickhouse_connect.get_client(
        host=CH_HOST,
        port=8443,
        secure=True,
        username=os.environ.get("CH_USER", "flight"),
        password=os.environ.get("CH_PASSWORD", ""),
        database=database,
    )


class GatewayServer(flight.FlightServerBase):
    def __init__(self, location, **kwargs):
        super().__init__(location, **kwargs)
        self._location = location

    def list_flights(self, context, criteria):
        for name in catalog.list_datasets():
            descriptor = flight.FlightDescriptor.for_path(name)
            yield flight.FlightInfo(
                None, descriptor, [flight.FlightEndpoint(name, [self._location])], -1, -1
            )

    def get_flight_info(self, context, descriptor):
        name = descriptor.path[0].decode()
        catalog.resolve(name)
        return flight.FlightInfo(
            None, descriptor, [flight.FlightEndpoint(name, [self._location])], -1, -1
        )

    def do_get(self, context, ticket):
        request = json.loads(ticket.ticket.decode())
        ds = catalog.resolve(request["dataset"])
        columns = [c for c in request.get("columns", ds["columns"]) if c in ds["columns"]]

        ch = _clickhouse(ds["database"])
        table = ch.query_arrow(
            "SELECT {cols} FROM {tbl} WHERE event_date >= %(since)s".format(
                cols=", ".join(columns), tbl=ds["table"]
            ),
            parameters={"since": request.get("since", "1970-01-01")},
        )
        lineage.record(context.peer_identity().decode() or context.peer(), request["dataset"], "read", table.num_rows)
        return flight.RecordBatchStream(table)

    def do_put(self, context, descriptor, reader, writer):
        name = descriptor.path[0].decode()
        ds = catalog.resolve(name)
        table = reader.read_all()
        client = clickhouse_connect.get_client(
            host=CH_HOST,
            port=8443,
            secure=True,
            username=os.environ.get("CH_USER", "flight"),
            password=os.environ.get("CH_PASSWORD", ""),
            database=ds["database"],
        )
        try:
            client.insert_arrow(ds["table"], table)
        finally:
            client.close()
        lineage.record(context.peer(), name, "write", table.num_rows)


def main():
    location = os.environ.get("FLIGHT_LOCATION", "grpc://0.0.0.0:8815")
    server = GatewayServer(location)
    server.serve()


if __name__ == "__main__":
    main()
