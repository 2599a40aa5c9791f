from datetime import datetime, timedelta, timezone

import appdaemon.plugins.hass.hassapi as hass
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from energy_db import Base, PowerReading, engine


class EnergyLogger(hass.Hass):
    def initialize(self):
        Base.metadata.create_all(engine)
        sensor = self.args.get("power_sensor", "sensor.house_power")
        self.listen_state(self.on_power_change, sensor)
        self.run_every(self.publish_average, "now", 300)

    def on_power_change(self, entity, attribute, old, new, kwargs):
        if new in (None, "unknown", "unavailable"):
            return
        session = Session(engine)
        session.add(
            PowerReading(entity_id=entity, watts=float(new), taken_at=datetime.now(timezone.utc))
        )
        session.commit()

    def publish_average(self, kwargs):
        since = datetime.now(timezone.utc) - timedelta(minutes=15)
        with Session(engine) as session:
            avg = session.scalar(
                select(func.avg(PowerReading.watts)).where(PowerReading.taken_at >= since)
            )
        self.set_state("sensor.house_power_15m_avg", state=round(avg or 0, 1), attributes={"unit_of_measurement": "W"})
