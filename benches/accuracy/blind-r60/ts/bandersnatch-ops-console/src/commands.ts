import { command } from 'bandersnatch';
import type { Pool } from 'pg';
import type Redis from 'ioredis';

export interface Services {
  pool: Pool;
  redis: Redis;
}

export function makeCommands({ pool, redis }: Services) {
  const vehicle = command('vehicle')
    .description('Show a vehicle and its current route')
    .argument('plate', { description: 'Licence plate' })
    .action(async (args) => {
      const { rows } = await pool.query(
        `SELECT v.plate, v.status, r.id AS route_id, r.stops_left
           FROM vehicles v LEFT JOIN routes r ON r.vehicle_id = v.id AND r.active
          WHERE v.plate = $1`,
        [args.plate],
      );
      const lastPing = await redis.get(`fleet:ping:${args.plate}`);
      return rows.length ? { ...rows[0], lastPing } : `unknown vehicle ${args.plate}`;
    });

  const reassign = command('reassign')
    .description('Move the remaining stops of a route to another vehicle')
    .argument('route', { description: 'Route id', type: 'number' })
    .argument('plate', { description: 'Target licence plate' })
    .action(async (args) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query('SELECT id FROM vehicles WHERE plate = $1 AND status = $2', [
          args.plate,
          'available',
        ]);
        if (rows.length === 0) {
          await client.query('ROLLBACK');
          return `${args.plate} is not available`;
        }
        await client.query('UPDATE routes SET vehicle_id = $2 WHERE id = $1 AND active', [args.route, rows[0].id]);
        await client.query('UPDATE vehicles SET status = $2 WHERE id = $1', [rows[0].id, 'on_route']);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      } finally {
        client.release();
      }
      await redis.publish('fleet:routes', JSON.stringify({ route: args.route, plate: args.plate }));
      return `route ${args.route} reassigned to ${args.plate}`;
    });

  const pause = command('pause')
    .description('Pause dispatching for a depot')
    .argument('depot', { description: 'Depot code' })
    .option('minutes', { description: 'Pause length', type: 'number', default: 15 })
    .action(async (args) => {
      await redis.set(`fleet:paused:${args.depot}`, '1', 'EX', args.minutes * 60);
      return `dispatch paused for ${args.depot} (${args.minutes} min)`;
    });

  return [vehicle, reassign, pause];
}
