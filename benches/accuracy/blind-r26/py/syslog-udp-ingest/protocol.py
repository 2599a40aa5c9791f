"""RFC 3164/5424-ish syslog over UDP. datagram_received runs once per packet."""
import asyncio
import datetime as dt
import re

PRI_RE = re.compile(rb"^<(\d{1,3})>(.*)$", re.S)


class SyslogProtocol(asyncio.DatagramProtocol):
    def __init__(self, queue: asyncio.Queue):
        self.queue = queue
        self.dropped = 0

    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        m = PRI_RE.match(data)
        if not m:
            return
        pri = int(m.group(1))
        record = (
            dt.datetime.now(dt.timezone.utc),
            addr[0],
            pri >> 3,
            pri & 7,
            m.group(2).decode("utf-8", "replace")[:8192],
        )
        try:
            self.queue.put_nowait(record)
        except asyncio.QueueFull:
            self.dropped += 1


async def batch_writer(queue: asyncio.Queue, pool, redis_client, max_batch=500, max_wait=1.0):
    """Drains the queue into Postgres using the pool created in main."""
    loop = asyncio.get_running_loop()
    while True:
        batch = [await queue.get()]
        deadline = loop.time() + max_wait
        while len(batch) < max_batch:
            timeout = deadline - loop.time()
            if timeout <= 0:
                break
            try:
                batch.append(await asyncio.wait_for(queue.get(), timeout))
            except asyncio.TimeoutError:
                break
        async with pool.acquire() as conn:
            await conn.copy_records_to_table(
                "syslog_events",
                records=batch,
                columns=["received_at", "host", "facility", "severity", "message"],
            )
        crit = [r for r in batch if r[3] <= 2]
        if crit:
            await redis_client.publish("syslog:critical", f"{len(crit)} critical events")
