"""linecountd: entry point started by systemd on the line cabinet Pi."""
import logging
import signal
import threading

import RPi.GPIO as GPIO
from psycopg2.pool import ThreadedConnectionPool

from linecount import config
from linecount.handlers import make_door_handler, on_andon, on_part

log = logging.getLogger("linecountd")


def setup_pins():
    GPIO.setmode(GPIO.BCM)
    GPIO.setwarnings(False)
    GPIO.setup(config.PHOTO_EYE_PIN, GPIO.IN, pull_up_down=GPIO.PUD_UP)
    GPIO.setup(config.ANDON_BUTTON_PIN, GPIO.IN, pull_up_down=GPIO.PUD_UP)
    GPIO.setup(config.GUARD_DOOR_PIN, GPIO.IN, pull_up_down=GPIO.PUD_UP)
    GPIO.setup(config.BEACON_PIN, GPIO.OUT, initial=GPIO.LOW)


def heartbeat(pool):
    conn = pool.getconn()
    try:
        with conn.cursor() as cur:
            cur.execute(
                "INSERT INTO cabinet_heartbeats (line_id, at) VALUES (%s, now()) "
                "ON CONFLICT (line_id) DO UPDATE SET at = excluded.at",
                (config.LINE_ID,),
            )
        conn.commit()
    finally:
        pool.putconn(conn)


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    pool = ThreadedConnectionPool(1, 3, dsn=config.DATABASE_URL, connect_timeout=5)
    setup_pins()

    GPIO.add_event_detect(config.PHOTO_EYE_PIN, GPIO.FALLING,
                          callback=on_part, bouncetime=config.PART_BOUNCE_MS)
    GPIO.add_event_detect(config.ANDON_BUTTON_PIN, GPIO.FALLING,
                          callback=on_andon, bouncetime=config.BUTTON_BOUNCE_MS)
    GPIO.add_event_detect(config.GUARD_DOOR_PIN, GPIO.BOTH,
                          callback=make_door_handler(pool),
                          bouncetime=config.DOOR_BOUNCE_MS)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    log.info("line %s counting", config.LINE_ID)
    try:
        while not stop.wait(config.HEARTBEAT_SECONDS):
            heartbeat(pool)
    finally:
        GPIO.cleanup()
        pool.closeall()


if __name__ == "__main__":
    main()
