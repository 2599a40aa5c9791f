"""airquality_pg: a WeeWX data service.

* On every LOOP packet (every 2-3 s from our Vantage Pro2) it reads the local
  PurpleAir sensor and adds pm2_5 / pm10_0 to the packet.
* On every ARCHIVE record (every 5 min) it mirrors the record into the
  co-op PostgreSQL warehouse and pushes it to the community map.
"""
import logging

import psycopg2
import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

import weewx
from weewx.engine import StdService
from weeutil.weeutil import to_float

log = logging.getLogger(__name__)

VERSION = "0.4.1"


class AirQualityService(StdService):
    def __init__(self, engine, config_dict):
        super().__init__(engine, config_dict)
        aq = config_dict.get("AirQuality", {})
        self.sensor_url = aq.get("sensor_url", "http://purpleair.local/json?live=true")
        self.community_url = aq.get("community_url")
        self.pg_params = dict(aq.get("PostgreSQL", {}))
        self.pg_params.setdefault("connect_timeout", "5")

        # One session for the community map for the life of the service.
        self.community = requests.Session()
        self.community.headers["Authorization"] = "Token %s" % aq.get("station_token", "")

        self.bind(weewx.NEW_LOOP_PACKET, self.new_loop_packet)
        self.bind(weewx.NEW_ARCHIVE_RECORD, self.new_archive_record)
        log.info("airquality_pg %s: sensor %s", VERSION, self.sensor_url)

    def new_loop_packet(self, event):
        sensor = requests.Session()
        sensor.mount("http://", HTTPAdapter(max_retries=Retry(total=2, backoff_factor=0.2)))
        try:
            reading = sensor.get(self.sensor_url, timeout=1.5).json()
        except (requests.RequestException, ValueError) as exc:
            log.debug("purpleair read failed: %s", exc)
            return
        pm25 = to_float(reading.get("pm2_5_atm"))
        pm10 = to_float(reading.get("pm10_0_atm"))
        if pm25 is not None:
            event.packet["pm2_5"] = pm25
        if pm10 is not None:
            event.packet["pm10_0"] = pm10

    def new_archive_record(self, event):
        rec = event.record
        row = (
            int(rec["dateTime"]),
            rec.get("outTemp"),
            rec.get("outHumidity"),
            rec.get("barometer"),
            rec.get("windSpeed"),
            rec.get("rain"),
            rec.get("pm2_5"),
        )
        conn = psycopg2.connect(**self.pg_params)
        try:
            with conn, conn.cursor() as cur:
                cur.execute(
                    "INSERT INTO archive (date_time, out_temp, out_humidity, barometer,"
                    " wind_speed, rain, pm2_5) VALUES (to_timestamp(%s), %s, %s, %s, %s, %s, %s)"
                    " ON CONFLICT (date_time) DO NOTHING",
                    row,
                )
        except psycopg2.Error as exc:
            log.error("archive mirror failed for %s: %s", rec["dateTime"], exc)
        finally:
            conn.close()

        if self.community_url:
            try:
                self.community.post(
                    self.community_url,
                    json={"ts": rec["dateTime"], "pm2_5": rec.get("pm2_5"), "temp": rec.get("outTemp")},
                    timeout=5,
                )
            except requests.RequestException as exc:
                log.warning("community push failed: %s", exc)

    def shutDown(self):
        self.community.close()
