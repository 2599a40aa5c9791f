import logging
import os
import signal

from netfilterqueue import NetfilterQueue

from policy import Guard
from stores import build_pg_pool, build_redis


def main():
    logging.basicConfig(level=logging.INFO)
    r = build_redis()
    pg_pool = build_pg_pool()
    guard = Guard(r, pg_pool, int(os.environ.get("GUARD_MAX_SYN", "40")))

    signal.signal(signal.SIGHUP, lambda *_: guard.reload_allowlist())

    nfq = NetfilterQueue()
    nfq.bind(int(os.environ.get("GUARD_QUEUE", "3")), guard)
    try:
        nfq.run()
    except KeyboardInterrupt:
        pass
    finally:
        nfq.unbind()
        pg_pool.closeall()
        r.close()


if __name__ == "__main__":
    main()
