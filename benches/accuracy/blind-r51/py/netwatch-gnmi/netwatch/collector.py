"""gNMI streaming telemetry collector (Procfile `collector`): one thread per router,
each holding one long-lived gNMI subscription; counters are written in batches."""
import json
import logging
import os
import threading
import time
import urllib.request
from datetime import datetime, timezone

from pygnmi.client import gNMIclient
from sqlalchemy import insert

from .db import counters, make_engine

log = logging.getLogger("netwatch.collector")

SUBSCRIPTION = {
    "subscription": [
        {
            "path": "openconfig-interfaces:interfaces/interface/state/counters",
            "mode": "sample",
            "sample_interval": 10_000_000_000,
        }
    ],
    "mode": "stream",
    "encoding": "json",
}
BATCH = 200
ALERT_URL = os.environ.get("ALERT_WEBHOOK")


def alert(device: str, interface: str, errors: int) -> None:
    if not ALERT_URL:
        return
    body = json.dumps({"text": f"{device} {interface}: {errors} new input errors"}).encode()
    req = urllib.request.Request(ALERT_URL, data=body, headers={"Content-Type": "application/json"})
    try:
        urllib.request.urlopen(req, timeout=5).close()
    except OSError as e:
        log.warning("alert webhook failed: %s", e)


def _rows(device: str, entry: dict):
    update = entry.get("update")
    if not update:
        return
    ts = datetime.fromtimestamp(update["timestamp"] / 1e9, tz=timezone.utc)
    for u in update.get("update", []):
        path = u["path"]
        if "[name=" not in path:
            continue
        name = path.split("[name=", 1)[1].split("]", 1)[0]
        val = u["val"]
        yield {
            "device": device,
            "interface": name,
            "ts": ts,
            "in_errors": int(val.get("in-errors", 0)),
            "out_errors": int(val.get("out-errors", 0)),
            "in_discards": int(val.get("in-discards", 0)),
        }


def follow(engine, device: str, stop: threading.Event) -> None:
    last_errors: dict[str, int] = {}
    while not stop.is_set():
        try:
            with gNMIclient(
                target=(device, 57400),
                username=os.environ["GNMI_USER"],
                password=os.environ["GNMI_PASSWORD"],
                insecure=True,
            ) as gc:
                batch, flushed = [], time.monotonic()
                for entry in gc.subscribe_stream(subscribe=SUBSCRIPTION):
                    for row in _rows(device, entry):
                        prev = last_errors.get(row["interface"])
                        if prev is not None and row["in_errors"] - prev > 100:
                            alert(device, row["interface"], row["in_errors"] - prev)
                        last_errors[row["interface"]] = row["in_errors"]
                        batch.append(row)
                    if len(batch) >= BATCH or (batch and time.monotonic() - flushed > 15):
                        with engine.begin() as conn:
                            conn.execute(insert(counters), batch)
                        batch, flushed = [], time.monotonic()
                    if stop.is_set():
                        break
        except Exception:
            log.exception("%s: subscription dropped, reconnecting in 10s", device)
            stop.wait(10)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    engine = make_engine()
    stop = threading.Event()
    threads = [
        threading.Thread(target=follow, args=(engine, d.strip(), stop), name=d.strip(), daemon=True)
        for d in os.environ["GNMI_TARGETS"].split(",")
    ]
    for th in threads:
        th.start()
    try:
        while any(th.is_alive() for th in threads):
            time.sleep(5)
    except KeyboardInterrupt:
        stop.set()
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
