"""Per chat item moderation logic."""
import logging
import os

import pymysql

from bot import cache
from bot.db import SessionLocal, Strike, load_banned_terms

log = logging.getLogger("modbot.moderation")

BANNED = load_banned_terms()
STRIKE_LIMIT = 3


def handle(video_id, item):
    if item.type == "superChat":
        record_superchat(video_id, item)
        return
    if item.type != "textMessage":
        return

    r = cache.get_redis()
    if cache.too_fast(r, item.author.channelId):
        cache.mark_flagged(r, item.author.channelId, "rate")

    text = item.message.lower()
    hit = next((t for t in BANNED if t in text), None)
    if hit:
        add_strike(video_id, item.author.channelId, f"term:{hit}")


def add_strike(video_id, channel_id, reason):
    session = SessionLocal()
    session.add(Strike(channel_id=channel_id, video_id=video_id, reason=reason))
    session.commit()
    strikes = session.query(Strike).filter_by(channel_id=channel_id, video_id=video_id).count()
    if strikes < STRIKE_LIMIT:
        return
    log.warning("channel %s reached %s strikes on %s", channel_id, strikes, video_id)
    session.close()


def record_superchat(video_id, item):
    conn = pymysql.connect(
        host=os.environ.get("LEDGER_HOST", "localhost"),
        user=os.environ.get("LEDGER_USER", "modbot"),
        password=os.environ.get("LEDGER_PASSWORD", ""),
        database="ledger",
    )
    try:
        with conn.cursor() as cur:
            cur.execute(
                "INSERT INTO superchats (video_id, channel_id, author, amount, currency, message) "
                "VALUES (%s, %s, %s, %s, %s, %s)",
                (
                    video_id,
                    item.author.channelId,
                    item.author.name,
                    item.amountValue,
                    item.currency,
                    item.message,
                ),
            )
        conn.commit()
    finally:
        conn.close()
