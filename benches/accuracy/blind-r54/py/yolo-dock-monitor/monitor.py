"""Loading-dock safety monitor.

Runs YOLOv8 on the dock camera's RTSP stream around the clock. Ultralytics
invokes the registered on_predict_batch_end callback once per decoded frame.
"""
import logging
import os
import time
from datetime import datetime, timezone

import boto3
import cv2
import redis
from ultralytics import YOLO

from alerts import send_alert

log = logging.getLogger("dock")

STREAM_URL = os.environ["DOCK_RTSP_URL"]
DOCK_ID = os.environ.get("DOCK_ID", "dock-3")
SNAPSHOT_BUCKET = os.environ.get("SNAPSHOT_BUCKET", "dock-safety-snapshots")
COOLDOWN_S = 20

# Occupancy counters live in Redis so the shift dashboard can read them.
counters = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))

_last_alert = 0.0


def _hazard(labels):
    """A person inside the frame while a forklift is moving is a near miss."""
    return "person" in labels and "forklift" in labels


def on_predict_batch_end(predictor):
    global _last_alert
    for result in predictor.results:
        labels = [result.names[int(c)] for c in result.boxes.cls.tolist()]
        counters.hset(
            f"dock:{DOCK_ID}:occupancy",
            mapping={
                "people": labels.count("person"),
                "forklifts": labels.count("forklift"),
                "ts": int(time.time()),
            },
        )

        if not _hazard(labels) or time.time() - _last_alert < COOLDOWN_S:
            continue
        _last_alert = time.time()

        ok, jpeg = cv2.imencode(".jpg", result.orig_img)
        if not ok:
            continue
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
        key = f"{DOCK_ID}/{stamp}.jpg"
        s3 = boto3.client("s3")
        s3.put_object(
            Bucket=SNAPSHOT_BUCKET, Key=key, Body=jpeg.tobytes(), ContentType="image/jpeg"
        )
        counters.incr(f"dock:{DOCK_ID}:near_misses")
        send_alert(DOCK_ID, labels, f"s3://{SNAPSHOT_BUCKET}/{key}")


def main():
    logging.basicConfig(level=logging.INFO)
    model = YOLO(os.environ.get("MODEL_PATH", "weights/dock-yolov8s.pt"))
    model.add_callback("on_predict_batch_end", on_predict_batch_end)

    while True:
        try:
            for _ in model.predict(
                source=STREAM_URL, stream=True, conf=0.45, imgsz=960, verbose=False
            ):
                pass
        except ConnectionError:
            log.warning("stream dropped, reconnecting in 5s")
            time.sleep(5)


if __name__ == "__main__":
    main()
