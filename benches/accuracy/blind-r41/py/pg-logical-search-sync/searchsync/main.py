"""Stream logical replication changes from the shop DB into Elasticsearch."""
import logging

import psycopg2
from psycopg2.extras import LogicalReplicationConnection

from searchsync import checkpoint, settings
from searchsync.consumer import SearchSyncConsumer


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    conn = psycopg2.connect(settings.SOURCE_DSN, connection_factory=LogicalReplicationConnection)
    cur = conn.cursor()
    try:
        cur.create_replication_slot(settings.SLOT_NAME, output_plugin="wal2json")
    except psycopg2.errors.DuplicateObject:
        pass
    cur.start_replication(
        slot_name=settings.SLOT_NAME,
        decode=True,
        start_lsn=checkpoint.load(),
        options={"format-version": "2", "include-transaction": "true"},
    )
    try:
        cur.consume_stream(SearchSyncConsumer())
    finally:
        cur.close()
        conn.close()


if __name__ == "__main__":
    main()
