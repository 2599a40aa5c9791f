import logging
import os

import asyncpg

from .uploader import RecordingUploader

log = logging.getLogger(__name__)

PG_DSN = os.environ.get("CDR_DATABASE_URL", "postgresql://cdr@db/telephony")
MONITOR_DIR = os.environ.get("MONITOR_DIR", "/var/spool/asterisk/monitor")


def register(manager, cache) -> None:
    async def on_newchannel(manager, message):
        await cache.hset(
            f"call:{message.get('Uniqueid')}",
            mapping={
                "caller": message.get("CallerIDNum", ""),
                "exten": message.get("Exten", ""),
                "channel": message.get("Channel", ""),
            },
        )
        await cache.expire(f"call:{message.get('Uniqueid')}", 6 * 3600)

    async def on_hangup(manager, message):
        uniqueid = message.get("Uniqueid")
        meta = await cache.hgetall(f"call:{uniqueid}")
        pool = await asyncpg.create_pool(PG_DSN, min_size=1, max_size=4)
        async with pool.acquire() as conn:
            await conn.execute(
                "INSERT INTO cdr (uniqueid, caller, exten, channel, cause, cause_txt) "
                "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (uniqueid) DO NOTHING",
                uniqueid,
                meta.get(b"caller", b"").decode(),
                meta.get(b"exten", b"").decode(),
                message.get("Channel", ""),
                int(message.get("Cause", 0)),
                message.get("Cause-txt", ""),
            )
        await cache.delete(f"call:{uniqueid}")

    async def on_mixmonitor_stop(manager, message):
        uniqueid = message.get("Uniqueid")
        path = os.path.join(MONITOR_DIR, f"{uniqueid}.wav")
        if not os.path.exists(path):
            log.warning("no recording for %s", uniqueid)
            return
        uploader = RecordingUploader(uniqueid)
        location = await uploader.upload(path)
        await cache.hset(f"recording:{uniqueid}", mapping={"location": location})

    manager.register_event("Newchannel", on_newchannel)
    manager.register_event("Hangup", on_hangup)
    manager.register_event("MixMonitorStop", on_mixmonitor_stop)
