"""Nightly listing enrichment job: fan out over the Dask cluster."""
import argparse
import logging
import os
from datetime import datetime, timedelta

import dask.dataframe as dd
import pandas as pd
from distributed import Client, as_completed

import storage
import tasks

log = logging.getLogger("listing-enricher")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--since-hours", type=int, default=24)
    parser.add_argument("--partitions", type=int, default=64)
    args = parser.parse_args()
    since = datetime.utcnow() - timedelta(hours=args.since_hours)

    engine = storage.make_engine()
    listings = storage.load_listings_frame(engine, since)
    engine.dispose()
    log.info("enriching %d listings", len(listings))

    with Client(os.environ.get("DASK_SCHEDULER", "tcp://dask-scheduler:8786")) as client:
        client.register_plugin(
            tasks.RedisCachePlugin(os.environ.get("REDIS_URL", "redis://redis:6379/3")),
            name=tasks.RedisCachePlugin.name,
        )

        futures = client.map(tasks.enrich_listing, listings.to_dict("records"), retries=2)
        enriched = []
        for future in as_completed(futures):
            try:
                enriched.append(future.result())
            except Exception:
                log.exception("enrichment failed")

        frame = pd.DataFrame(enriched).merge(
            listings[["id", "price_cents"]], left_on="listing_id", right_on="id"
        )
        ddf = dd.from_pandas(frame, npartitions=args.partitions)
        written = ddf.map_partitions(
            tasks.write_partition, meta={**ddf.dtypes.to_dict(), "written": "int64"}
        ).compute()
        log.info("wrote %d rows", int(written["written"].sum()))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    main()
