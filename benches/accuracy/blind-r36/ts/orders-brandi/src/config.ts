export interface Config {
  databaseUrl: string;
  elasticUrl: string;
  redisUrl: string;
  port: number;
}

export function loadConfig(): Config {
  return {
    databaseUrl: process.env.DATABASE_URL ?? "postgres://orders@localhost/orders",
    elasticUrl: process.env.ELASTIC_URL ?? "http://localhost:9200",
    redisUrl: process.env.REDIS_URL ?? "redis://localhost:6379",
    port: Number(process.env.PORT ?? 8080),
  };
}
