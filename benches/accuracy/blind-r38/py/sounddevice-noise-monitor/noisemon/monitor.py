import argparse
import logging
import queue
import threading
import time
from datetime import datetime, timezone

import numpy as np
import sounddevice as sd

from noisemon.sinks import ZoneAlerts, clickhouse

log = logging.getLogger("noisemon")

SAMPLE_RATE = 48_000
BLOCK = 4_800  # 100 ms
CALIBRATION_DB = 94.0
ALERT_DBA = 85.0

levels: "queue.Queue[tuple[datetime, float]]" = queue.Queue(maxsize=10_000)


def on_audio(indata, frames, time_info, status):
    # PortAudio thread, called every 100 ms: compute the level and hand it off, nothing else.
    if status:
        log.debug("stream status: %s", status)
    rms = float(np.sqrt(np.mean(np.square(indata[:, 0])))) or 1e-12
    try:
        levels.put_nowait((datetime.now(timezone.utc), 20 * np.log10(rms) + CALIBRATION_DB))
    except queue.Full:
        pass


def writer(zone: str, alerts: ZoneAlerts, stop: threading.Event):
    last_alert = 0.0
    while not stop.is_set():
        stop.wait(10)
        batch = []
        while True:
            try:
                batch.append(levels.get_nowait())
            except queue.Empty:
                break
        if not batch:
            continue
        clickhouse().insert(
            "noise_levels",
            [[zone, ts, level] for ts, level in batch],
            column_names=["zone", "ts", "level_db"],
        )
        peak = max(level for _, level in batch)
        if peak >= ALERT_DBA and time.monotonic() - last_alert > 300:
            alerts.send(zone, peak)
            last_alert = time.monotonic()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--zone", required=True)
    parser.add_argument("--device", default=None)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)

    alerts = ZoneAlerts()
    stop = threading.Event()
    t = threading.Thread(target=writer, args=(args.zone, alerts, stop), daemon=True)
    t.start()
    try:
        with sd.InputStream(
            device=args.device, channels=1, samplerate=SAMPLE_RATE, blocksize=BLOCK, callback=on_audio
        ):
            while True:
                time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        t.join(timeout=15)
        alerts.close()
        clickhouse().close()


if __name__ == "__main__":
    main()
