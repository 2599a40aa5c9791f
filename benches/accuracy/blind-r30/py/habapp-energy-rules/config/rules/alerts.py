"""HABApp rule file: every five minutes compare the last hour of heat pump
consumption against the baseline and push a notification on anomalies."""
import logging
import os

import HABApp
import requests
from HABApp.openhab.items import SwitchItem
from sqlalchemy import create_engine, text

log = logging.getLogger("HABApp.Rules.EnergyAlerts")

engine = create_engine(
    os.environ.get("ENERGY_DB_URL", "postgresql+psycopg2://habapp:habapp@db.lan:5432/energy"),
    pool_pre_ping=True,
)

push = requests.Session()
push.headers["Authorization"] = f"Bearer {os.environ.get('NTFY_TOKEN', '')}"


class HeatpumpWatchdog(HABApp.Rule):
    def __init__(self):
        super().__init__()
        self.alarm = SwitchItem.get_item("Heatpump_Anomaly")
        self.run.every(None, 300, self.check)

    def check(self):
        with engine.connect() as conn:
            row = conn.execute(
                text(
                    "SELECT coalesce(sum(value), 0) AS used, "
                    "(SELECT avg_kwh FROM baseline WHERE meter = 'Meter_Heatpump' "
                    " AND hour = extract(hour from now())) AS expected "
                    "FROM meter_reading WHERE meter = 'Meter_Heatpump' "
                    "AND ts > now() - interval '1 hour'"
                )
            ).one()
        if row.expected and row.used > 1.5 * row.expected:
            if not self.alarm.is_on():
                self.alarm.on()
                push.post(
                    "https://ntfy.sh/home-energy",
                    data=f"Heat pump used {row.used:.1f} kWh (expected {row.expected:.1f})",
                    timeout=5,
                )
        elif self.alarm.is_on():
            self.alarm.off()


HeatpumpWatchdog()
