"""Scans the ControlLogix PLC twice a second and mirrors press state to MES and the andon board."""
import logging
import os
import time

import redis
from pycomm3 import CommError, LogixDriver

from . import downtime, history

log = logging.getLogger("press-monitor")

PLC_PATH = os.environ.get("PLC_PATH", "10.40.2.11/1")
PRESSES = ["Press1", "Press2", "Press3", "Press4"]
FIELDS = ("CycleCount", "FaultCode", "Tonnage")
SCAN_SECONDS = 0.5


def scan(plc: LogixDriver, state: dict) -> None:
    tags = [f"{press}.{field}" for press in PRESSES for field in FIELDS]
    values = {t.tag: t.value for t in plc.read(*tags) if t.error is None}
    board = redis.Redis(host=os.environ.get("ANDON_REDIS_HOST", "andon-redis"), port=6379, db=0)
    for press in PRESSES:
        count = values.get(f"{press}.CycleCount")
        fault = values.get(f"{press}.FaultCode") or 0
        tonnage = values.get(f"{press}.Tonnage")

        if count is not None and count != state["count"].get(press):
            history.record_cycle(press, count, tonnage)
            state["count"][press] = count

        previous = state["fault"].get(press, 0)
        if fault and not previous:
            log.warning("%s faulted with code %s", press, fault)
            downtime.open_event(press, fault)
        elif previous and not fault:
            downtime.close_event(press)
        state["fault"][press] = fault

        board.hset("andon:presses", press, "FAULT" if fault else "RUN")


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    state = {"count": {}, "fault": {}}
    while True:
        try:
            with LogixDriver(PLC_PATH) as plc:
                log.info("connected to %s (%s)", PLC_PATH, plc.info.get("product_name"))
                while True:
                    scan(plc, state)
                    time.sleep(SCAN_SECONDS)
        except CommError:
            log.exception("PLC link lost, reconnecting in 5 s")
            time.sleep(5)


if __name__ == "__main__":
    main()
