"""One-off: rebuild the Redis RIB snapshot from ClickHouse history (run by hand
after a Redis flush, before restarting ExaBGP)."""
import argparse
import json
import logging

from ribmirror.clients import connect_clickhouse, connect_redis

LATEST = """
SELECT peer, prefix, argMax(action, ts) AS action, argMax(next_hop, ts) AS nh,
       argMax(as_path, ts) AS path
FROM updates
WHERE peer = {peer:String}
GROUP BY peer, prefix
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("peers", nargs="+")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)

    ch = connect_clickhouse(attempts=3)
    rib = connect_redis()
    try:
        for peer in args.peers:
            result = ch.query(LATEST, parameters={"peer": peer})
            pipe = rib.pipeline()
            pipe.delete(f"rib:{peer}")
            for _, prefix, action, nh, path in result.result_rows:
                if action == "A":
                    pipe.hset(f"rib:{peer}", prefix, json.dumps({"nh": nh, "path": path}))
            pipe.execute()
            logging.info("rebuilt %s (%d prefixes)", peer, len(result.result_rows))
    finally:
        ch.close()
        rib.close()


if __name__ == "__main__":
    main()
