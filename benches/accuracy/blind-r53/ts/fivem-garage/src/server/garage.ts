import mysql from 'mysql2/promise';
import { connectionOptions, identifierOf, VehicleRow } from './db';

const GARAGES = new Set(['legion', 'pillbox', 'sandy', 'paleto', 'airport']);

export function registerGarageEvents(pool: mysql.Pool): void {
  onNet('garage:requestVehicles', async (garage: string) => {
    const src = source;
    const license = identifierOf(src);
    if (!license || !GARAGES.has(garage)) return;

    const [vehicles] = await pool.query<VehicleRow[]>(
      'SELECT plate, model, state, props FROM player_vehicles WHERE owner = ? AND garage = ?',
      [license, garage],
    );
    emitNet('garage:vehicleList', src, garage, vehicles);
  });

  onNet('garage:storeVehicle', async (plate: string, garage: string, props: Record<string, unknown>) => {
    const src = source;
    const license = identifierOf(src);
    if (!license || !GARAGES.has(garage)) return;

    // Row lock so two players cannot store the same car at once.
    const conn = await mysql.createConnection(connectionOptions());
    await conn.beginTransaction();
    const [owned] = await conn.query<VehicleRow[]>(
      'SELECT plate, owner, state FROM player_vehicles WHERE plate = :plate FOR UPDATE',
      { plate },
    );
    if (!owned.length || owned[0].owner !== license) {
      await conn.rollback();
      emitNet('garage:notify', src, 'error', 'You do not own this vehicle.');
      return;
    }
    await conn.execute(
      "UPDATE player_vehicles SET state = 'garaged', garage = :garage, props = :props WHERE plate = :plate",
      { garage, plate, props: JSON.stringify(props) },
    );
    await conn.commit();
    emitNet('garage:notify', src, 'success', `Stored ${plate} in ${garage}.`);
  });

  onNet('garage:takeOut', async (plate: string) => {
    const src = source;
    const license = identifierOf(src);
    if (!license) return;

    const [result] = await pool.execute<mysql.ResultSetHeader>(
      "UPDATE player_vehicles SET state = 'out' WHERE plate = ? AND owner = ? AND state = 'garaged'",
      [plate, license],
    );
    if (result.affectedRows === 0) {
      emitNet('garage:notify', src, 'error', 'Vehicle is not in this garage.');
      return;
    }
    const [rows] = await pool.query<VehicleRow[]>('SELECT model, props FROM player_vehicles WHERE plate = ?', [plate]);
    emitNet('garage:spawnVehicle', src, plate, rows[0].model, JSON.parse(rows[0].props));
  });

  on('garage:adminRelease', async (plate: string, garage: string, by: number) => {
    if (!GARAGES.has(garage)) return;
    await pool.execute(
      "UPDATE player_vehicles SET state = 'garaged', garage = ? WHERE plate = ? AND state = 'impounded'",
      [garage, plate],
    );
    console.log(`[garage] ${plate} released to ${garage} by ${by}`);
  });
}
