"""Reads meter readings (CSV lines) from stdin, e.g. piped from `mosquitto_sub`, and fans them out.

    mosquitto_sub -t 'meters/#' | python pipeline.py
"""
import os
import sys

from pymemcache.client.hash import HashClient
from streamz import Stream

from sinks import LastSeen, archive_batch, parse, write_batch


def build(mc: HashClient) -> Stream:
    source = Stream()
    readings = source.map(parse).filter(lambda r: r is not None).map(LastSeen(mc))
    readings.partition(500).map(list).sink(write_batch)
    readings.partition(2000).map(list).sink(archive_batch)
    return source


def main() -> None:
    servers = [(h, 11211) for h in os.environ.get("MEMCACHED_HOSTS", "memcached").split(",")]
    mc = HashClient(servers, connect_timeout=2, timeout=1, use_pooling=True)
    source = build(mc)
    try:
        for line in sys.stdin:
            source.emit(line)
    finally:
        mc.close()


if __name__ == "__main__":
    main()
