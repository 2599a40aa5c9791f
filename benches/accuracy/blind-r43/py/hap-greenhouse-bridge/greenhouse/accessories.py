import logging

import httpx
from pyhap.accessory import Accessory
from pyhap.const import CATEGORY_SENSOR, CATEGORY_SPRINKLER
from sqlalchemy import text

log = logging.getLogger(__name__)


class SoilSensor(Accessory):
    category = CATEGORY_SENSOR

    def __init__(self, driver, display_name, *, bed_id, services):
        super().__init__(driver, display_name)
        self.bed_id = bed_id
        self.services = services
        serv = self.add_preload_service("HumiditySensor")
        self.char_humidity = serv.configure_char("CurrentRelativeHumidity")

    @Accessory.run_at_interval(60)
    def run(self):
        try:
            resp = self.services.http.get(f"/beds/{self.bed_id}/moisture")
            resp.raise_for_status()
        except httpx.HTTPError:
            log.warning("moisture read failed for bed %s", self.bed_id)
            return
        percent = resp.json()["percent"]
        self.char_humidity.set_value(percent)
        with self.services.Session() as session, session.begin():
            session.execute(
                text("INSERT INTO moisture (bed_id, percent, at) VALUES (:bed, :pct, now())"),
                {"bed": self.bed_id, "pct": percent},
            )


class IrrigationValve(Accessory):
    category = CATEGORY_SPRINKLER

    def __init__(self, driver, display_name, *, bed_id, services):
        super().__init__(driver, display_name)
        self.bed_id = bed_id
        self.services = services
        serv = self.add_preload_service("Valve")
        serv.configure_char("ValveType", value=1)
        self.char_in_use = serv.configure_char("InUse", value=0)
        self.char_active = serv.configure_char("Active", setter_callback=self.set_active)

    # invoked by HAP-python every time a Home app user toggles the valve
    def set_active(self, value):
        action = "open" if value else "close"
        try:
            self.services.http.post(f"/valves/{self.bed_id}/{action}").raise_for_status()
        except httpx.HTTPError:
            log.error("controller refused %s for bed %s", action, self.bed_id)
            return
        self.char_in_use.set_value(1 if value else 0)
        with self.services.Session() as session, session.begin():
            session.execute(
                text("INSERT INTO valve_events (bed_id, action, at) VALUES (:bed, :action, now())"),
                {"bed": self.bed_id, "action": action},
            )
