# ~/.local/share/weechat/python/autoload/highlights.py
"""Forward IRC highlights to the team pager, keep per-channel stats, and index highlights for search."""
import os
from collections import Counter
from datetime import datetime, timezone

import redis
import weaviate
import weechat
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

SCRIPT_NAME = "highlights"
SCRIPT_AUTHOR = "ops"
SCRIPT_VERSION = "0.4"
SCRIPT_LICENSE = "MIT"
SCRIPT_DESC = "Highlight forwarding and channel statistics"

REDIS_HOST = os.environ.get("HL_REDIS_HOST", "redis.lan")
WEAVIATE_HOST = os.environ.get("HL_WEAVIATE_HOST", "weaviate.lan")
STATS_DB_URL = os.environ.get("HL_STATS_DB_URL", "postgresql+psycopg2://irc:irc@db.lan/ircstats")

engine = create_engine(STATS_DB_URL, pool_size=1, max_overflow=1, pool_pre_ping=True)
line_counts = Counter()


def on_print(data, buffer, date, tags, displayed, highlight, prefix, message):
    channel = weechat.buffer_get_string(buffer, "short_name") or "?"
    line_counts[channel] += 1
    if int(highlight) != 1:
        return weechat.WEECHAT_RC_OK

    pager = redis.Redis(host=REDIS_HOST, port=6379, socket_timeout=1)
    pager.publish("pager:irc", f"{channel} <{prefix}> {message}")

    client = weaviate.connect_to_custom(
        http_host=WEAVIATE_HOST, http_port=8080, http_secure=False,
        grpc_host=WEAVIATE_HOST, grpc_port=50051, grpc_secure=False,
    )
    try:
        client.collections.get("IrcHighlight").data.insert(
            properties={"channel": channel, "nick": prefix, "text": message, "ts": int(date)}
        )
    finally:
        client.close()
    return weechat.WEECHAT_RC_OK


def flush_stats(data, remaining_calls):
    if not line_counts:
        return weechat.WEECHAT_RC_OK
    session = Session(engine)
    now = datetime.now(timezone.utc)
    for channel, n in line_counts.items():
        session.execute(
            text("INSERT INTO channel_activity (ts, channel, lines) VALUES (:ts, :channel, :lines)"),
            {"ts": now, "channel": channel, "lines": n},
        )
    session.commit()
    line_counts.clear()
    return weechat.WEECHAT_RC_OK


def hlstats_cmd(data, buffer, args):
    with Session(engine) as session:
        rows = session.execute(
            text(
                "SELECT channel, sum(lines) FROM channel_activity "
                "WHERE ts > now() - interval '1 day' GROUP BY channel ORDER BY 2 DESC LIMIT 10"
            )
        ).all()
    for channel, n in rows:
        weechat.prnt(buffer, f"{channel}: {n}")
    return weechat.WEECHAT_RC_OK


def shutdown_cb():
    engine.dispose()
    return weechat.WEECHAT_RC_OK


if weechat.register(SCRIPT_NAME, SCRIPT_AUTHOR, SCRIPT_VERSION, SCRIPT_LICENSE, SCRIPT_DESC, "shutdown_cb", ""):
    weechat.hook_print("", "irc_privmsg", "", 1, "on_print", "")
    weechat.hook_timer(60 * 1000, 0, 0, "flush_stats", "")
    weechat.hook_command("hlstats", "Show channel activity for the last day", "", "", "", "hlstats_cmd", "")
