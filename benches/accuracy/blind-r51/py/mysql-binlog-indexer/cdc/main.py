"""Tails the shop MySQL binlog and keeps the Elasticsearch order/customer indices in sync.

Runs as a long-lived container (restart: always)."""
import json
import logging
import os

from pymysqlreplication import BinLogStreamReader
from pymysqlreplication.row_event import DeleteRowsEvent, UpdateRowsEvent, WriteRowsEvent

from . import checkpoint, enrich, indexer

log = logging.getLogger("cdc")

MYSQL_SETTINGS = {
    "host": os.environ.get("BINLOG_HOST", "primary"),
    "port": int(os.environ.get("BINLOG_PORT", "3306")),
    "user": os.environ.get("BINLOG_USER", "cdc"),
    "passwd": os.environ["BINLOG_PASSWORD"],
}


def to_doc(table: str, values: dict) -> dict:
    doc = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in values.items()}
    if table == "orders":
        doc["customer"] = enrich.customer_summary(values["customer_id"])
        items = json.loads(values.get("items_json") or "[]")
        titles = enrich.product_titles([i["product_id"] for i in items])
        doc["item_titles"] = [titles.get(i["product_id"]) for i in items]
    return doc


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    log_file, log_pos = checkpoint.load()
    stream = BinLogStreamReader(
        connection_settings=MYSQL_SETTINGS,
        server_id=int(os.environ.get("BINLOG_SERVER_ID", "4711")),
        blocking=True,
        resume_stream=log_file is not None,
        log_file=log_file,
        log_pos=log_pos,
        only_schemas=["shop"],
        only_tables=["orders", "customers"],
        only_events=[WriteRowsEvent, UpdateRowsEvent, DeleteRowsEvent],
    )
    try:
        for event in stream:
            for row in event.rows:
                if isinstance(event, DeleteRowsEvent):
                    values = row["values"]
                    indexer.apply_change(event.table, "delete", values["id"], None)
                elif isinstance(event, UpdateRowsEvent):
                    values = row["after_values"]
                    indexer.apply_change(event.table, "upsert", values["id"], to_doc(event.table, values))
                else:
                    values = row["values"]
                    indexer.apply_change(event.table, "upsert", values["id"], to_doc(event.table, values))
            checkpoint.save(stream.log_file, stream.log_pos)
    finally:
        stream.close()


if __name__ == "__main__":
    main()
