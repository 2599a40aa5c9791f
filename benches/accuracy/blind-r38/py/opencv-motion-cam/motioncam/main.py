import logging
import os
import time

import boto3
import cv2

from motioncam.storage import EventStore, build_engine

log = logging.getLogger("motioncam")

MIN_AREA = float(os.environ.get("MIN_AREA", "1500"))
COOLDOWN_S = float(os.environ.get("COOLDOWN_S", "10"))


def open_capture(url: str) -> cv2.VideoCapture:
    while True:
        cap = cv2.VideoCapture(url)
        if cap.isOpened():
            return cap
        cap.release()
        log.warning("stream %s not available, retrying", url)
        time.sleep(5)


def main():
    logging.basicConfig(level=logging.INFO)
    camera_id = os.environ["CAMERA_ID"]
    stream_url = os.environ["STREAM_URL"]

    engine = build_engine(os.environ["DATABASE_URL"])
    s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-central-1"))
    store = EventStore(engine, s3, os.environ["SNAPSHOT_BUCKET"])

    subtractor = cv2.createBackgroundSubtractorMOG2(history=500, varThreshold=32, detectShadows=False)
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (5, 5))
    cap = open_capture(stream_url)
    last_event = 0.0
    try:
        while True:
            ok, frame = cap.read()
            if not ok:
                log.warning("frame grab failed, reopening stream")
                cap.release()
                cap = open_capture(stream_url)
                continue

            small = cv2.resize(frame, (640, 360))
            mask = subtractor.apply(cv2.GaussianBlur(small, (7, 7), 0))
            mask = cv2.morphologyEx(mask, cv2.MORPH_OPEN, kernel)
            contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
            area = sum(cv2.contourArea(c) for c in contours)

            if area >= MIN_AREA and time.monotonic() - last_event > COOLDOWN_S:
                ok, buf = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, 85])
                if ok:
                    store.save(camera_id, buf.tobytes(), area)
                    last_event = time.monotonic()
                    log.info("motion on %s (area %.0f)", camera_id, area)
    finally:
        cap.release()
        engine.dispose()


if __name__ == "__main__":
    main()
