"""ExaBGP API process: mirrors received routes into Redis (current RIB) and
ClickHouse (update history). ExaBGP writes one JSON message per line on stdin."""
import json
import logging
import sys
import time

from ribmirror.clients import connect_clickhouse, connect_redis

COLUMNS = ["ts", "peer", "peer_as", "prefix", "action", "next_hop", "as_path"]
FLUSH_ROWS = 5000
FLUSH_SECONDS = 5.0

logging.basicConfig(stream=sys.stderr, level=logging.INFO)
log = logging.getLogger("ribmirror")


def parse_update(msg):
    neighbor = msg["neighbor"]
    peer = neighbor["address"]["peer"]
    peer_as = neighbor["asn"]["peer"]
    update = neighbor["message"]["update"]
    as_path = " ".join(str(a) for a in update.get("attribute", {}).get("as-path", []))
    for family, hops in update.get("announce", {}).items():
        for next_hop, nlris in hops.items():
            for nlri in nlris:
                yield (msg["time"], peer, peer_as, nlri["nlri"], "A", next_hop, as_path)
    for family, nlris in update.get("withdraw", {}).items():
        for nlri in nlris:
            yield (msg["time"], peer, peer_as, nlri["nlri"], "W", "", "")


def main():
    ch = connect_clickhouse()
    rib = connect_redis()
    batch = []
    last_flush = time.monotonic()
    try:
        for line in sys.stdin:
            try:
                msg = json.loads(line)
            except ValueError:
                continue
            if msg.get("type") == "state":
                peer = msg["neighbor"]["address"]["peer"]
                if msg["neighbor"]["state"] == "down":
                    rib.delete(f"rib:{peer}")
                    log.info("peer %s down, RIB cleared", peer)
                continue
            if msg.get("type") != "update":
                continue

            pipe = rib.pipeline(transaction=False)
            for row in parse_update(msg):
                batch.append(row)
                key = f"rib:{row[1]}"
                if row[4] == "A":
                    pipe.hset(key, row[3], json.dumps({"nh": row[5], "path": row[6]}))
                else:
                    pipe.hdel(key, row[3])
            pipe.execute()

            if len(batch) >= FLUSH_ROWS or time.monotonic() - last_flush > FLUSH_SECONDS:
                ch.insert("updates", batch, column_names=COLUMNS)
                batch.clear()
                last_flush = time.monotonic()
    finally:
        if batch:
            ch.insert("updates", batch, column_names=COLUMNS)
        ch.close()
        rib.close()


if __name__ == "__main__":
    main()
