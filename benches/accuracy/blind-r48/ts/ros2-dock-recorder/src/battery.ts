import { pool } from './db';
import { publishLowBattery } from './alerts';

const LOW_BATTERY = Number(process.env.LOW_BATTERY_THRESHOLD ?? '0.2');

interface BatteryStateMsg {
  voltage: number;
  current: number;
  percentage: number;
  power_supply_status: number;
}

export function makeBatteryHandler(robotId: string) {
  let lastWrite = 0;

  return async (msg: BatteryStateMsg): Promise<void> => {
    const now = Date.now();

    if (msg.percentage < LOW_BATTERY) {
      await publishLowBattery({
        robotId,
        percentage: msg.percentage,
        voltage: msg.voltage,
        at: new Date(now).toISOString(),
      });
    }

    // downsample to one row every 5 s
    if (now - lastWrite < 5000) return;
    lastWrite = now;
    await pool.query(
      `INSERT INTO battery_samples (robot_id, voltage, current, percentage, status, sampled_at)
       VALUES ($1, $2, $3, $4, $5, now())`,
      [robotId, msg.voltage, msg.current, msg.percentage, msg.power_supply_status],
    );
  };
}
