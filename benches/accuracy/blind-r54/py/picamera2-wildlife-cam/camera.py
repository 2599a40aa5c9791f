"""Motion-triggered wildlife camera for a Raspberry Pi.

The main loop grabs a low-resolution frame ~30 times a second, compares it
with the previous one and, on motion, saves the circular H.264 buffer,
uploads the clip and records the sighting.
"""
import logging
import os
import time

import numpy as np
from picamera2 import Picamera2
from picamera2.encoders import H264Encoder
from picamera2.outputs import CircularOutput

from services import Services, build_services

log = logging.getLogger("cam")

BUCKET = os.environ.get("CLIP_BUCKET", "garden-cam-clips")
NTFY_URL = os.environ.get("NTFY_URL", "https://ntfy.sh/garden-cam-7f3a")
CAMERA_ID = os.environ.get("CAMERA_ID", "hedge-east")
MOTION_THRESHOLD = float(os.environ.get("MOTION_THRESHOLD", "7"))
QUIET_SECONDS = 5.0


class ClipRecorder:
    def __init__(self, services: Services):
        self.services = services

    def publish(self, path: str, started: float, peak: float):
        key = f"{CAMERA_ID}/{os.path.basename(path)}"
        self.services.s3.upload_file(path, BUCKET, key)
        with self.services.pool.connection() as conn:
            conn.execute(
                "INSERT INTO sightings (camera, started_at, peak_mse, clip_key) "
                "VALUES (%s, to_timestamp(%s), %s, %s)",
                (CAMERA_ID, started, peak, key),
            )
        self.services.http.post(NTFY_URL, data=f"Motion at {CAMERA_ID}", timeout=5)
        os.remove(path)


def run(services: Services):
    recorder = ClipRecorder(services)
    picam2 = Picamera2()
    config = picam2.create_video_configuration(
        main={"size": (1280, 720), "format": "RGB888"},
        lores={"size": (320, 240), "format": "YUV420"},
    )
    picam2.configure(config)
    w, h = config["lores"]["size"]
    encoder = H264Encoder(2_000_000, repeat=True)
    output = CircularOutput(buffersize=150)
    picam2.start_recording(encoder, output)

    prev = None
    recording = False
    last_motion = started = peak = 0.0
    path = None
    while True:
        cur = picam2.capture_buffer("lores")[: w * h].reshape(h, w).astype(np.int16)
        if prev is not None:
            mse = float(np.square(cur - prev).mean())
            if mse > MOTION_THRESHOLD:
                if not recording:
                    started = time.time()
                    path = f"/var/lib/garden-cam/{int(started)}.h264"
                    output.fileoutput = path
                    output.start()
                    recording, peak = True, 0.0
                    log.info("motion started (mse %.1f)", mse)
                last_motion = time.time()
                peak = max(peak, mse)
            elif recording and time.time() - last_motion > QUIET_SECONDS:
                output.stop()
                recording = False
                try:
                    recorder.publish(path, started, peak)
                except Exception:
                    log.exception("could not publish %s, keeping it on disk", path)
        prev = cur


def main():
    logging.basicConfig(level=logging.INFO)
    services = build_services()
    try:
        run(services)
    finally:
        services.close()


if __name__ == "__main__":
    main()
