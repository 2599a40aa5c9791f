import { Client } from '@elastic/elasticsearch';
import bunyan from 'bunyan';

import { ElasticStream } from './elastic-stream';

const es = new Client({
  node: process.env.LOGS_ES_URL,
  auth: { apiKey: process.env.LOGS_ES_API_KEY as string },
});

export const elasticStream = new ElasticStream(es, 'logs-quote-service');

export const logger = bunyan.createLogger({
  name: 'quote-service',
  serializers: bunyan.stdSerializers,
  streams: [
    { level: 'info', stream: process.stdout },
    { level: 'info', type: 'raw', stream: elasticStream },
  ],
});

export async function shutdownLogging(): Promise<void> {
  await elasticStream.close();
  await es.close();
}
