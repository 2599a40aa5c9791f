import type { Client } from '@elastic/elasticsearch';

// Bunyan "raw" stream: write() receives every log record as an object.
// Records are buffered and shipped with one bulk request per batch.
export class ElasticStream {
  private buffer: object[] = [];
  private timer: NodeJS.Timeout;

  constructor(
    private readonly es: Client,
    private readonly index: string,
    private readonly batchSize = 200,
  ) {
    this.timer = setInterval(() => void this.flush(), 5_000);
    this.timer.unref();
  }

  write(rec: Record<string, unknown>): void {
    this.buffer.push({ ...rec, '@timestamp': rec.time });
    if (this.buffer.length >= this.batchSize) void this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const batch = this.buffer;
    this.buffer = [];
    try {
      await this.es.bulk({ operations: batch.flatMap((doc) => [{ create: { _index: this.index } }, doc]) });
    } catch (err) {
      process.stderr.write(`log shipping failed, dropped ${batch.length} records: ${String(err)}\n`);
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
