"""Message sink: one PDU per decoded Mode S / ADS-B frame from gr-adsb's decoder."""
import os

import httpx
import pmt
from gnuradio import gr

from adsb_logger.db import SessionLocal, Sighting

FEED_URL = os.environ.get("ADSB_FEED_URL", "https://feed.example.net/v1/positions")
STATION_ID = os.environ.get("ADSB_STATION_ID", "station-01")


class sighting_sink(gr.basic_block):
    def __init__(self, upload=True):
        gr.basic_block.__init__(self, name="sighting_sink", in_sig=None, out_sig=None)
        self.upload = upload
        self.http = None
        self.message_port_register_in(pmt.intern("decoded"))
        self.set_msg_handler(pmt.intern("decoded"), self.handle_decoded)

    def start(self):
        if self.upload:
            self.http = httpx.Client(timeout=5.0, headers={"X-Station": STATION_ID})
        return True

    def stop(self):
        if self.http is not None:
            self.http.close()
            self.http = None
        return True

    def handle_decoded(self, msg):
        meta = pmt.to_python(pmt.car(msg)) or {}
        icao = meta.get("icao")
        if not icao:
            return

        session = SessionLocal()
        session.add(
            Sighting(
                icao=icao,
                callsign=(meta.get("callsign") or "").strip() or None,
                altitude_ft=meta.get("altitude"),
                lat=meta.get("latitude"),
                lon=meta.get("longitude"),
            )
        )
        session.commit()

        if self.http is not None and meta.get("latitude") is not None:
            try:
                self.http.post(FEED_URL, json={"icao": icao, "lat": meta["latitude"], "lon": meta["longitude"]})
            except httpx.HTTPError:
                pass
