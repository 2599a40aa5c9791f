import { Backend, KuzzleRequest } from 'kuzzle';

import { maintenanceDb, redis } from '../clients';

export function registerMaintenanceHooks(app: Backend) {
  // Fired once per deleted vehicle document.
  app.hook.register('document:afterDelete', async (request: KuzzleRequest) => {
    if (request.input.args.collection !== 'vehicles') {
      return;
    }
    const vehicleId = request.input.args._id as string;

    const conn = await maintenanceDb.connect();
    await conn.query('UPDATE maintenance_plans SET active = false WHERE vehicle_id = $1', [vehicleId]);
    await conn.query('DELETE FROM open_work_orders WHERE vehicle_id = $1', [vehicleId]);
    conn.release();

    await redis.del(`vehicle:${vehicleId}`);
  });

  // Fired once per vehicle creation; uses the shared pool correctly.
  app.hook.register('document:afterCreate', async (request: KuzzleRequest) => {
    if (request.input.args.collection !== 'vehicles') {
      return;
    }
    const conn = await maintenanceDb.connect();
    try {
      await conn.query(
        'INSERT INTO maintenance_plans (vehicle_id, active, interval_km) VALUES ($1, true, 15000)',
        [request.result?._id],
      );
    } finally {
      conn.release();
    }
  });
}
