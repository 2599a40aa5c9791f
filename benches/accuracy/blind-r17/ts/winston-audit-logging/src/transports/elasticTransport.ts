import Transport, { type TransportStreamOptions } from 'winston-transport';
import { Client } from '@elastic/elasticsearch';

export interface ElasticOptions extends TransportStreamOptions {
  node: string;
  indexPrefix: string;
}

/** Ships request logs to Elasticsearch. One client per transport instance. */
export class ElasticTransport extends Transport {
  private readonly es: Client;
  private readonly indexPrefix: string;

  constructor(opts: ElasticOptions) {
    super(opts);
    this.es = new Client({ node: opts.node, maxRetries: 2, requestTimeout: 5_000 });
    this.indexPrefix = opts.indexPrefix;
  }

  override log(info: Record<string, unknown>, callback: () => void): void {
    setImmediate(() => this.emit('logged', info));
    const day = new Date().toISOString().slice(0, 10);
    this.es
      .index({ index: `${this.indexPrefix}-${day}`, document: { ...info, '@timestamp': new Date() } })
      .catch((err) => this.emit('warn', err));
    callback();
  }

  override close(): void {
    void this.es.close();
  }
}
