"""KCL MultiLangDaemon record processor: one Python process per shard lease.

process_records() is invoked for every batch the daemon pulls from Kinesis
(several times per second on a busy shard).
"""
import base64
import json
import logging
import time

from amazon_kclpy import kcl
from amazon_kclpy.v3 import processor

from clickstream import clients, search, warehouse

log = logging.getLogger("clickstream")


class SessionizerProcessor(processor.RecordProcessorBase):
    CHECKPOINT_EVERY = 60.0

    def __init__(self):
        self.shard_id = None
        self.last_checkpoint = 0.0
        self.largest_seq = None

    def initialize(self, initialize_input):
        self.shard_id = initialize_input.shard_id
        self.last_checkpoint = time.time()

    def process_records(self, process_records_input):
        events = []
        for record in process_records_input.records:
            try:
                events.append(json.loads(base64.b64decode(record.data)))
            except ValueError:
                log.warning("bad record %s", record.sequence_number)
            self.largest_seq = (record.sequence_number, record.sub_sequence_number)

        table = clients.sessions_table()
        with table.batch_writer(overwrite_by_pkeys=["session_id"]) as batch:
            for e in events:
                batch.put_item(
                    Item={"session_id": e["session_id"], "last_seen": e["ts"], "path": e.get("path", "")}
                )

        search.index_page_views(events)
        warehouse.record_conversions(events)

        if time.time() - self.last_checkpoint > self.CHECKPOINT_EVERY and self.largest_seq:
            process_records_input.checkpointer.checkpoint(*self.largest_seq)
            self.last_checkpoint = time.time()

    def lease_lost(self, lease_lost_input):
        log.info("lease lost for %s", self.shard_id)

    def shard_ended(self, shard_ended_input):
        shard_ended_input.checkpointer.checkpoint()

    def shutdown_requested(self, shutdown_requested_input):
        shutdown_requested_input.checkpointer.checkpoint()


if __name__ == "__main__":
    kcl.KCLProcess(SessionizerProcessor()).run()
