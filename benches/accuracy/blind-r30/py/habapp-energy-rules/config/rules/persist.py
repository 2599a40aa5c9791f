"""HABApp rule file: persist every meter update into the energy warehouse
and mirror it into InfluxDB for the Grafana dashboards."""
import logging
import os
from datetime import datetime, timezone

import HABApp
from HABApp.openhab.events import ItemStateUpdatedEvent, ItemStateUpdatedEventFilter
from HABApp.openhab.items import NumberItem
from influxdb_client import InfluxDBClient, Point
from influxdb_client.client.write_api import SYNCHRONOUS
from sqlalchemy import create_engine, text

log = logging.getLogger("HABApp.Rules.EnergyPersist")

WAREHOUSE_URL = os.environ.get(
    "ENERGY_DB_URL", "postgresql+psycopg2://habapp:habapp@db.lan:5432/energy"
)
INFLUX_URL = os.environ.get("INFLUX_URL", "http://influx.lan:8086")
INFLUX_TOKEN = os.environ.get("INFLUX_TOKEN", "")

engine = create_engine(WAREHOUSE_URL, pool_size=5, max_overflow=5, pool_pre_ping=True)

METERS = [
    "Meter_Grid_Import",
    "Meter_Grid_Export",
    "Meter_PV_Yield",
    "Meter_Heatpump",
    "Meter_Wallbox",
]


class MeterPersist(HABApp.Rule):
    """One rule instance per meter item; on_update fires on every state update
    openHAB sends (every few seconds for the smart meter)."""

    def __init__(self, item_name: str):
        super().__init__()
        self.item = NumberItem.get_item(item_name)
        self.item.listen_event(self.on_update, ItemStateUpdatedEventFilter())

    def on_update(self, event: ItemStateUpdatedEvent):
        if event.value is None:
            return
        ts = datetime.now(timezone.utc)
        value = float(event.value)

        with engine.begin() as conn:
            conn.execute(
                text("INSERT INTO meter_reading (meter, ts, value) VALUES (:m, :ts, :v)"),
                {"m": event.name, "ts": ts, "v": value},
            )

        influx = InfluxDBClient(url=INFLUX_URL, token=INFLUX_TOKEN, org="home")
        write_api = influx.write_api(write_options=SYNCHRONOUS)
        write_api.write(
            bucket="energy",
            record=Point("meter").tag("name", event.name).field("value", value).time(ts),
        )
        log.debug("persisted %s=%s", event.name, value)


for meter in METERS:
    MeterPersist(meter)
