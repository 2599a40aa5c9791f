import logging
import os
import time

import serial
from pubsub import pub

from sampletrack.clients import make_http, make_pool
from sampletrack.listeners import SampleListeners

log = logging.getLogger("sampletrack")


def read_scanner(port: str) -> None:
    with serial.Serial(port, baudrate=9600, timeout=1) as scanner:
        while True:
            raw = scanner.readline()
            if not raw:
                continue
            barcode = raw.decode("ascii", "ignore").strip()
            if barcode:
                pub.sendMessage("sample_scanned", barcode=barcode, ts=time.time())


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    pool = make_pool(os.environ["LIMS_DSN"])
    http = make_http(os.environ["LABEL_API_TOKEN"])
    listeners = SampleListeners(
        pool, http, bench=os.environ["BENCH_ID"], label_api=os.environ["LABEL_API_URL"]
    )
    listeners.subscribe()
    try:
        read_scanner(os.environ.get("SCANNER_PORT", "/dev/ttyACM0"))
    except KeyboardInterrupt:
        pass
    finally:
        http.close()
        pool.close()


if __name__ == "__main__":
    main()
