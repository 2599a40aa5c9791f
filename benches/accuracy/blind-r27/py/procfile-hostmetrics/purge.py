"""One-off retention job (Procfile release phase): delete samples older than N days."""
import argparse
import logging
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select

from common.db import make_engine, metadata, samples

log = logging.getLogger("purge")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--batch", type=int, default=10_000)
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO)

    cutoff = datetime.utcnow() - timedelta(days=args.days)
    engine = make_engine(pool_size=1, max_overflow=0)
    try:
        metadata.create_all(engine)
        with engine.connect() as conn:
            total = conn.execute(
                select(func.count()).select_from(samples).where(samples.c.taken_at < cutoff)
            ).scalar_one()
        log.info("%d samples older than %s", total, cutoff.isoformat())
        if args.dry_run or not total:
            return 0
        deleted = 0
        while deleted < total:
            with engine.begin() as conn:
                ids = conn.execute(
                    select(samples.c.id).where(samples.c.taken_at < cutoff).limit(args.batch)
                ).scalars().all()
                if not ids:
                    break
                conn.execute(delete(samples).where(samples.c.id.in_(ids)))
            deleted += len(ids)
            log.info("deleted %d/%d", deleted, total)
        return 0
    finally:
        engine.dispose()


if __name__ == "__main__":
    raise SystemExit(main())
