"""wal2json (format-version 2) consumer: called by consume_stream once per WAL change."""
import json
import logging

from sqlalchemy import text

from searchsync import checkpoint, clients, metrics, settings

log = logging.getLogger(__name__)


def _doc_from_columns(columns: list[dict]) -> dict:
    return {c["name"]: c["value"] for c in columns}


class SearchSyncConsumer:
    def __call__(self, msg) -> None:
        change = json.loads(msg.payload)
        action = change.get("action")
        if action in ("B", "C"):  # BEGIN / COMMIT markers
            msg.cursor.send_feedback(flush_lsn=msg.data_start)
            return

        table = change["table"]
        audit = clients.audit_engine.connect()
        if table not in settings.TRACKED_TABLES:
            msg.cursor.send_feedback(flush_lsn=msg.data_start)
            return
        audit.execute(
            text("INSERT INTO replication_log (lsn, tbl, action) VALUES (:lsn, :tbl, :action)"),
            {"lsn": msg.data_start, "tbl": table, "action": action},
        )
        audit.commit()
        audit.close()

        es = clients.make_es()
        if action in ("I", "U"):
            doc = _doc_from_columns(change["columns"])
            es.index(index=table, id=str(doc["id"]), document=doc)
        elif action == "D":
            key = _doc_from_columns(change["identity"])
            es.options(ignore_status=404).delete(index=table, id=str(key["id"]))

        metrics.bump(table, action)
        checkpoint.save(msg.data_start)
        msg.cursor.send_feedback(flush_lsn=msg.data_start)
