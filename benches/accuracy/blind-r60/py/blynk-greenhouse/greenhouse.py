"""Raspberry Pi greenhouse controller driven from the Blynk app.

V1  (write)  target temperature slider
V2  (write)  vent override switch
V5  (read)   inside temperature, pushed every minute
V6  (read)   tomorrow's minimum from the forecast
"""

import glob
import logging
import os

import blynklib
import blynktimer
import requests

import storage

log = logging.getLogger("greenhouse")

BLYNK_AUTH = os.environ["BLYNK_AUTH"]
FORECAST_URL = "https://api.open-meteo.com/v1/forecast"
LAT, LON = os.environ.get("GH_LAT", "53.55"), os.environ.get("GH_LON", "9.99")
VENT_GPIO = "/sys/class/gpio/gpio17/value"

blynk = blynklib.Blynk(BLYNK_AUTH, server=os.environ.get("BLYNK_SERVER", "blynk.cloud"), port=80)
timer = blynktimer.Timer()
weather = requests.Session()
target = {"celsius": storage.load_setpoint("target_celsius", 22.0), "override": False}


def read_probe() -> float:
    device = glob.glob("/sys/bus/w1/devices/28-*/w1_slave")[0]
    with open(device) as fh:
        lines = fh.read().splitlines()
    return int(lines[1].split("t=")[1]) / 1000.0


def set_vent(open_: bool) -> None:
    with open(VENT_GPIO, "w") as fh:
        fh.write("1" if open_ else "0")


@blynk.handle_event("connect")
def on_connect():
    log.info("connected to blynk")
    blynk.virtual_write(1, target["celsius"])


@blynk.handle_event("write V1")
def on_target(pin, value):
    target["celsius"] = float(value[0])
    storage.save_setpoint("target_celsius", target["celsius"])


@blynk.handle_event("write V2")
def on_vent_override(pin, value):
    target["override"] = value[0] == "1"
    set_vent(target["override"])


@timer.register(vpin_num=5, interval=60, run_once=False)
def push_temperature(vpin_num=5):
    celsius = read_probe()
    storage.record_reading("inside", celsius)
    blynk.virtual_write(vpin_num, round(celsius, 1))
    if not target["override"]:
        set_vent(celsius > target["celsius"] + 1.5)


@timer.register(vpin_num=6, interval=1800, run_once=False)
def push_forecast(vpin_num=6):
    try:
        resp = weather.get(
            FORECAST_URL,
            params={"latitude": LAT, "longitude": LON, "daily": "temperature_2m_min", "forecast_days": 2},
            timeout=15,
        )
        resp.raise_for_status()
        blynk.virtual_write(vpin_num, resp.json()["daily"]["temperature_2m_min"][1])
    except requests.RequestException:
        log.exception("forecast refresh failed")


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    while True:
        blynk.run()
        timer.run()
