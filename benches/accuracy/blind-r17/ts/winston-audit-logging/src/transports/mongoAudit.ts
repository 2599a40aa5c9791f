import Transport, { type TransportStreamOptions } from 'winston-transport';
import { MongoClient } from 'mongodb';

export interface MongoAuditOptions extends TransportStreamOptions {
  uri: string;
  dbName: string;
  collection?: string;
}

/**
 * Writes every audit-level log entry to MongoDB so compliance can query it.
 * winston calls log() once per log entry.
 */
export class MongoAuditTransport extends Transport {
  private readonly uri: string;
  private readonly dbName: string;
  private readonly collection: string;

  constructor(opts: MongoAuditOptions) {
    super(opts);
    this.uri = opts.uri;
    this.dbName = opts.dbName;
    this.collection = opts.collection ?? 'audit_log';
  }

  override log(info: Record<string, unknown>, callback: () => void): void {
    setImmediate(() => this.emit('logged', info));

    const client = new MongoClient(this.uri, { maxPoolSize: 2 });
    client
      .connect()
      .then(() =>
        client
          .db(this.dbName)
          .collection(this.collection)
          .insertOne({ ...info, ts: new Date() }),
      )
      .catch((err) => this.emit('warn', err))
      .finally(() => client.close());

    callback();
  }
}
