"""Polls packaging-line tags once a second and writes them to the historian."""
import logging
import os
import time

import requests
from pylogix import PLC

from db import open_pool

log = logging.getLogger("line-monitor")

PLC_IP = os.environ.get("PLC_IP", "192.168.10.21")
TAGS = ["Line3_Count", "Line3_Speed", "Line3_State", "Line3_FaultCode"]
POLL_SECONDS = 1.0


def alarm(http: requests.Session, fault_code: int) -> None:
    try:
        http.post(os.environ["ALARM_WEBHOOK"],
                  json={"line": 3, "fault": fault_code}, timeout=3)
    except requests.RequestException as exc:
        log.warning("alarm webhook failed: %s", exc)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    pool = open_pool(os.environ["HISTORIAN_DSN"])
    http = requests.Session()
    last_fault = 0
    try:
        with PLC() as comm:
            comm.IPAddress = PLC_IP
            while True:
                started = time.monotonic()
                results = comm.Read(TAGS)
                values = {r.TagName: r.Value for r in results if r.Status == "Success"}
                if len(values) == len(TAGS):
                    with pool.connection() as conn:
                        conn.execute(
                            "INSERT INTO line3_samples (at, count, speed, state, fault) "
                            "VALUES (now(), %s, %s, %s, %s)",
                            (values["Line3_Count"], values["Line3_Speed"],
                             values["Line3_State"], values["Line3_FaultCode"]),
                        )
                    fault = values["Line3_FaultCode"]
                    if fault and fault != last_fault:
                        alarm(http, fault)
                    last_fault = fault
                else:
                    log.warning("partial read: %s", [(r.TagName, r.Status) for r in results])
                time.sleep(max(0.0, POLL_SECONDS - (time.monotonic() - started)))
    finally:
        http.close()
        pool.close()


if __name__ == "__main__":
    main()
