import { createClient } from '@clickhouse/client';
import { Backend, KuzzleRequest } from 'kuzzle';

type KDocument = { _id: string; _source: Record<string, any> };

export function registerTelemetryPipes(app: Backend) {
  // Runs after every document write (create / createOrReplace / m* actions).
  app.pipe.register(
    'generic:document:afterWrite',
    async (documents: KDocument[], request: KuzzleRequest) => {
      if (request.input.args.collection !== 'positions') {
        return documents;
      }

      const clickhouse = createClient({
        url: process.env.CLICKHOUSE_URL ?? 'http://localhost:8123',
        username: process.env.CLICKHOUSE_USER ?? 'default',
        password: process.env.CLICKHOUSE_PASSWORD ?? '',
        database: 'fleet',
      });
      try {
        await clickhouse.insert({
          table: 'positions_raw',
          format: 'JSONEachRow',
          values: documents.map((doc) => ({
            doc_id: doc._id,
            vehicle_id: doc._source.vehicleId,
            lat: doc._source.location?.lat,
            lon: doc._source.location?.lon,
            speed_kmh: doc._source.speed ?? 0,
            recorded_at: doc._source.recordedAt,
          })),
        });
      } finally {
        await clickhouse.close();
      }

      return documents;
    },
  );
}
