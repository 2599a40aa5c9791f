"""Release-phase one-off: recompute cached balances for accounts touched since the last deploy."""
import logging

from sqlalchemy import text

from ledger.db import make_engine

log = logging.getLogger("ledger.backfill")


def main():
    logging.basicConfig(level=logging.INFO)
    engine = make_engine()
    try:
        with engine.begin() as conn:
            n = conn.execute(
                text(
                    """
                    MERGE account_balances AS t
                    USING (SELECT account, SUM(amount_minor) AS bal FROM postings GROUP BY account) AS s
                       ON t.account = s.account
                    WHEN MATCHED THEN UPDATE SET balance_minor = s.bal
                    WHEN NOT MATCHED THEN INSERT (account, balance_minor) VALUES (s.account, s.bal);
                    """
                )
            ).rowcount
        log.info("refreshed %s balances", n)
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
