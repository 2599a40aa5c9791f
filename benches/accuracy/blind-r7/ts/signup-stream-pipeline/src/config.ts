export const config = {
  databaseUrl: process.env.DATABASE_URL ?? 'postgres://app:app@localhost:5432/signups',
  redisUrl: process.env.REDIS_URL ?? 'redis://localhost:6379',
  stream: 'signups',
  group: 'signup-writers',
  consumer: process.env.HOSTNAME ?? `worker-${process.pid}`,
  port: Number(process.env.PORT ?? 9001),
};

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
