"""Read NDJSON events from stdin (fed by vector/fluent-bit), enrich, batch, write to ClickHouse.

    fluent-bit ... | python -m rxingest.main
"""
import json
import logging
import os
import sys
import threading
from functools import partial

import httpx
import redis
import reactivex as rx
from reactivex import operators as ops
from reactivex.scheduler import ThreadPoolScheduler

from rxingest.enrich import enrich, parse
from rxingest.sinks import TenantClickHouseSink

log = logging.getLogger("rxingest")


def main() -> None:
    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"), stream=sys.stderr)

    http = httpx.Client(
        base_url=os.environ.get("GEO_API", "https://geo.internal"),
        timeout=httpx.Timeout(2.0),
        limits=httpx.Limits(max_connections=8, max_keepalive_connections=8),
    )
    cache = redis.Redis.from_url(os.environ.get("GEO_CACHE_URL", "redis://localhost:6379/3"))
    sink = TenantClickHouseSink(json.loads(os.environ.get("CH_TENANT_HOSTS", '{"default": "localhost"}')))
    workers = ThreadPoolScheduler(4)
    done = threading.Event()

    def on_error(exc: Exception) -> None:
        log.exception("pipeline failed", exc_info=exc)
        done.set()

    subscription = (
        rx.from_iterable(sys.stdin)
        .pipe(
            ops.map(parse),
            ops.filter(lambda e: e is not None),
            ops.flat_map(
                lambda e: rx.just(e).pipe(
                    ops.map(partial(enrich, http=http, cache=cache)),
                    ops.subscribe_on(workers),
                )
            ),
            ops.buffer_with_time_or_count(timespan=2.0, count=1000),
        )
        .subscribe(
            on_next=sink.write_batch,
            on_error=on_error,
            on_completed=done.set,
        )
    )

    try:
        done.wait()
    except KeyboardInterrupt:
        log.info("interrupted")
    finally:
        subscription.dispose()
        workers.executor.shutdown(wait=True)
        sink.close()
        cache.close()
        http.close()


if __name__ == "__main__":
    main()
