/* eslint-disable @typescript-eslint/no-var-requires */
import { enrichBatch, type KinesisRecord } from './enrich';

const kcl = require('aws-kcl');

type Done = () => void;

interface Checkpointer {
  checkpoint(sequenceNumber: string | null, cb: (err: Error | null, seq?: string) => void): void;
}

function log(shardId: string, message: string): void {
  // stdout is reserved for the MultiLangDaemon protocol.
  process.stderr.write(`[${new Date().toISOString()}] [${shardId}] ${message}\n`);
}

function clickstreamProcessor() {
  let shardId = 'unknown';

  return {
    initialize(input: { shardId: string }, completeCallback: Done) {
      shardId = input.shardId;
      log(shardId, 'processor initialised');
      completeCallback();
    },

    processRecords(
      input: { records: KinesisRecord[]; checkpointer: Checkpointer; millisBehindLatest?: number },
      completeCallback: Done,
    ) {
      if (!input.records || input.records.length === 0) {
        completeCallback();
        return;
      }
      enrichBatch(input.records)
        .then((lastSequence) => {
          input.checkpointer.checkpoint(lastSequence, (err, seq) => {
            if (err) log(shardId, `checkpoint failed: ${err.message}`);
            else log(shardId, `checkpointed ${seq} (${input.records.length} records)`);
            completeCallback();
          });
        })
        .catch((err: Error) => {
          log(shardId, `batch failed, will be retried after lease move: ${err.stack}`);
          completeCallback();
        });
    },

    leaseLost(_input: unknown, completeCallback: Done) {
      log(shardId, 'lease lost');
      completeCallback();
    },

    shardEnded(input: { checkpointer: Checkpointer }, completeCallback: Done) {
      input.checkpointer.checkpoint(null, (err) => {
        if (err) log(shardId, `final checkpoint failed: ${err.message}`);
        completeCallback();
      });
    },

    shutdownRequested(input: { checkpointer: Checkpointer }, completeCallback: Done) {
      input.checkpointer.checkpoint(null, () => completeCallback());
    },
  };
}

kcl(clickstreamProcessor()).run();
