import { Backend, KuzzleRequest } from 'kuzzle';
import { Pool } from 'pg';

import { redis } from '../clients';

type UtilisationRow = {
  vehicle_id: string;
  driving_minutes: number;
  idle_minutes: number;
};

export function registerReportsController(app: Backend) {
  app.controller.register('reports', {
    actions: {
      utilisation: {
        handler: async (request: KuzzleRequest) => {
          const fleetId = request.getString('fleetId');
          const day = request.getString('day');
          const cacheKey = `utilisation:${fleetId}:${day}`;

          const cached = await redis.get(cacheKey);
          if (cached) {
            return JSON.parse(cached);
          }

          const reporting = new Pool({
            connectionString: process.env.FLEET_PG_URL,
            max: 4,
            statement_timeout: 15_000,
          });
          const { rows } = await reporting.query<UtilisationRow>(
            `SELECT vehicle_id,
                    sum(driving_seconds) / 60 AS driving_minutes,
                    sum(idle_seconds) / 60 AS idle_minutes
               FROM trip_segments
              WHERE fleet_id = $1 AND started_at::date = $2::date
              GROUP BY vehicle_id
              ORDER BY vehicle_id`,
            [fleetId, day],
          );

          await redis.set(cacheKey, JSON.stringify(rows), 'EX', 300);
          return rows;
        },
        http: [{ verb: 'get', path: 'reports/utilisation/:fleetId/:day' }],
      },
    },
  });
}
