"""GPIO edge callbacks.

RPi.GPIO runs every callback registered with add_event_detect on its own
event thread, once per detected edge.
"""
import logging
import time
from datetime import datetime, timezone

import psycopg2
import redis
import requests
import RPi.GPIO as GPIO

from linecount import config

log = logging.getLogger(__name__)


def on_part(channel):
    """Photo-eye interrupted: one finished part went past (~40 per minute)."""
    conn = psycopg2.connect(config.DATABASE_URL, connect_timeout=3)
    try:
        with conn.cursor() as cur:
            cur.execute(
                "INSERT INTO part_events (line_id, seen_at) VALUES (%s, %s)",
                (config.LINE_ID, datetime.now(timezone.utc)),
            )
        conn.commit()
    except psycopg2.Error:
        log.exception("could not record part on line %s", config.LINE_ID)
        conn.rollback()
    finally:
        conn.close()


def on_andon(channel):
    """Operator pressed the andon button: light the beacon and tell the floor."""
    GPIO.output(config.BEACON_PIN, GPIO.HIGH)
    board = redis.Redis(host=config.REDIS_HOST, port=config.REDIS_PORT, db=0)
    board.hset(f"andon:{config.LINE_ID}", mapping={
        "state": "help",
        "since": int(time.time()),
    })
    board.publish("andon", config.LINE_ID)
    try:
        requests.post(
            config.ANDON_WEBHOOK,
            json={"text": f"Andon pulled on line {config.LINE_ID}"},
            timeout=3,
        )
    except requests.RequestException:
        log.warning("andon webhook failed")


def make_door_handler(pool):
    """Guard door reed switch, wired on BOTH edges; uses the shared pool."""

    last_state = {"open": None}

    def on_door(channel):
        is_open = GPIO.input(channel) == GPIO.HIGH
        conn = pool.getconn()
        if is_open == last_state["open"]:
            # contact bounce that slipped past bouncetime
            return
        last_state["open"] = is_open
        try:
            with conn.cursor() as cur:
                cur.execute(
                    "INSERT INTO guard_door_events (line_id, is_open, at) "
                    "VALUES (%s, %s, now())",
                    (config.LINE_ID, is_open),
                )
            conn.commit()
        finally:
            pool.putconn(conn)

    return on_door
