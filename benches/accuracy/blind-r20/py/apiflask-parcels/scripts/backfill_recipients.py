"""One-off: normalise recipient names on old parcels.  python -m scripts.backfill_recipients"""
from sqlalchemy import text

from shared.db import make_engine


def main():
    engine = make_engine(pool_size=1, max_overflow=0)
    try:
        with engine.begin() as conn:
            n = conn.execute(
                text("UPDATE parcels SET recipient = initcap(trim(recipient)) WHERE recipient <> initcap(trim(recipient))")
            ).rowcount
        print(f"normalised {n} recipients")
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
