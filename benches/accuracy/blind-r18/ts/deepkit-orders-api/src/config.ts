export class AppConfig {
  databaseUrl: string = 'postgres://orders:orders@localhost:5432/orders';
  databasePoolMax: number = 10;
  redisUrl: string = 'redis://localhost:6379';
  orderCacheSeconds: number = 60;
}
