"""Curio TCP server receiving readings from field data loggers."""
import functools
import logging
import os

import redis
from curio import run, run_in_thread, tcp_server

from protocol import ProtocolError, ack, nack, parse_line
from storage import known_logger, open_pool, store_reading

log = logging.getLogger("telemetry")

MAX_LINE = 4096


async def handle_logger(pool, cache, client, addr):
    """One task per TCP connection; loops over the lines the logger sends."""
    log.info("logger connected from %s:%d", *addr[:2])
    stream = client.as_stream()
    stored = 0
    try:
        while True:
            line = await stream.readline()
            if not line:
                break
            if len(line) > MAX_LINE:
                await stream.write(nack("frame too long"))
                continue
            try:
                reading = parse_line(line)
            except ProtocolError as exc:
                await stream.write(nack(str(exc)))
                continue
            if not await run_in_thread(known_logger, cache, reading.logger_id):
                await stream.write(nack("unregistered"))
                continue
            stored += await run_in_thread(store_reading, pool, cache, reading)
            await stream.write(ack(reading))
    finally:
        log.info("logger %s disconnected after %d values", addr[0], stored)
        await stream.close()


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    pool = open_pool(os.environ["TELEMETRY_DSN"])
    cache = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    handler = functools.partial(handle_logger, pool, cache)
    try:
        run(tcp_server, "", int(os.environ.get("PORT", "7400")), handler)
    finally:
        cache.close()
        pool.close()


if __name__ == "__main__":
    main()
