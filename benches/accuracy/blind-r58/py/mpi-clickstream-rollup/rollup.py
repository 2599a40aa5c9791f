"""MPI job: roll one day of archived clickstream logs up into daily_page_views.

Each MPI rank is its own process; each builds exactly one S3 client and one
single-connection engine, processes its share of the objects, then disposes them.
"""

import argparse
import sys
from collections import Counter, defaultdict

from mpi4py import MPI

import db
import storage


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--day", required=True)
    args = parser.parse_args()

    comm = MPI.COMM_WORLD
    rank = comm.Get_rank()
    size = comm.Get_size()

    s3 = storage.make_s3_client()
    engine = db.make_engine()
    try:
        if rank == 0:
            keys = storage.list_day(s3, args.day)
            db.clear_day(engine, args.day)
            chunks = [keys[i::size] for i in range(size)]
            print(f"{len(keys)} objects for {args.day} over {size} ranks", flush=True)
        else:
            chunks = None
        my_keys = comm.scatter(chunks, root=0)

        written = 0
        events = 0
        for key in my_keys:
            counts = Counter()
            visitors = defaultdict(set)
            for event in storage.iter_events(s3, key):
                if event.get("type") != "page_view":
                    continue
                slot = (event["customer_id"], event["path"])
                counts[slot] += 1
                visitors[slot].add(event["visitor_id"])
                events += 1
            written += db.write_rollup(engine, args.day, counts, visitors)

        total_events = comm.reduce(events, op=MPI.SUM, root=0)
        total_rows = comm.reduce(written, op=MPI.SUM, root=0)
        if rank == 0:
            print(f"done: {total_events} page views, {total_rows} upserts", flush=True)
    finally:
        engine.dispose()
        s3.close()
    comm.Barrier()
    return 0


if __name__ == "__main__":
    sys.exit(main())
