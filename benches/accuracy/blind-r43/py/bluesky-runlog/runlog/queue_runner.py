"""Run the plans queued for tonight's unattended shift, one after another."""
import argparse
import json
import logging
import os

import httpx
from bluesky import RunEngine
from bluesky.plans import count, scan
from sqlalchemy import create_engine

from runlog.callback import RunLogger
from runlog.devices import DETECTORS, MOTORS


def build_plan(item):
    detectors = [DETECTORS[name] for name in item["detectors"]]
    if item["plan"] == "count":
        return count(detectors, num=item.get("num", 1), md=item.get("md"))
    if item["plan"] == "scan":
        motor = MOTORS[item["motor"]]
        return scan(detectors, motor, item["start"], item["stop"], item["num"], md=item.get("md"))
    raise ValueError(f"unsupported plan {item['plan']!r}")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("queue", help="JSON file with the list of plans")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)

    engine = create_engine(
        os.environ.get("RUNLOG_DB", "postgresql+psycopg2://bluesky@db.bl7.local/runlog"),
        pool_size=2,
        pool_pre_ping=True,
    )
    http = httpx.Client(timeout=5.0)
    RE = RunEngine({"beamline": "BL7"})
    RE.subscribe(RunLogger(engine, http, os.environ.get("RUNLOG_WEBHOOK", "https://chat.bl7.local/hooks/runs")))

    with open(args.queue) as fh:
        queue = json.load(fh)
    try:
        for item in queue:
            logging.info("running %s", item["plan"])
            RE(build_plan(item))
    finally:
        http.close()
        engine.dispose()


if __name__ == "__main__":
    main()
