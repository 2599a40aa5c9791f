import Redis from 'ioredis';

export interface LowBatteryAlert {
  robotId: string;
  percentage: number;
  voltage: number;
  at: string;
}

const ALERT_CHANNEL = process.env.ALERT_CHANNEL ?? 'fleet:alerts';

export async function publishLowBattery(alert: LowBatteryAlert): Promise<void> {
  const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', {
    maxRetriesPerRequest: 2,
  });
  await redis.publish(ALERT_CHANNEL, JSON.stringify({ type: 'low_battery', ...alert }));
  await redis.set(`fleet:robot:${alert.robotId}:battery_alert`, alert.at, 'EX', 600);
}
