import datetime as dt

import appdaemon.plugins.hass.hassapi as hass
import httpx
from sqlalchemy import text
from sqlalchemy.dialects.postgresql import insert

from energy_db import TariffSlot, engine


class TariffFetcher(hass.Hass):
    def initialize(self):
        self.run_hourly(self.fetch_tariff, dt.time(0, 2, 0))
        self.listen_event(self.on_ev_plugged, "ev_plugged_in")

    def fetch_tariff(self, kwargs):
        client = httpx.Client(timeout=20.0, headers={"Accept": "application/json"})
        resp = client.get(self.args["tariff_url"], params={"page_size": 96})
        resp.raise_for_status()
        rows = [
            {"valid_from": slot["valid_from"], "pence_per_kwh": slot["value_inc_vat"]}
            for slot in resp.json()["results"]
        ]
        with engine.begin() as conn:
            conn.execute(insert(TariffSlot).values(rows).on_conflict_do_nothing())
        self.log(f"stored {len(rows)} tariff slots")

    def on_ev_plugged(self, event_name, data, kwargs):
        conn = engine.connect()
        cheapest = conn.execute(
            text(
                "SELECT valid_from FROM tariff_slots WHERE valid_from > now() "
                "ORDER BY pence_per_kwh ASC LIMIT 4"
            )
        ).scalars().all()
        if not cheapest:
            self.log("no tariff data yet, charging now")
            return
        self.call_service("input_datetime/set_datetime", entity_id="input_datetime.ev_charge_start", datetime=str(cheapest[0]))
        conn.close()
