export const config = {
  clickhouseUrl: process.env.CLICKHOUSE_URL ?? 'http://localhost:8123',
  clickhouseUser: process.env.CLICKHOUSE_USER ?? 'default',
  clickhousePassword: process.env.CLICKHOUSE_PASSWORD ?? '',
  statusApi: process.env.STATUS_API ?? 'https://status.partner.example.com',
  redisUrl: process.env.REDIS_URL ?? 'redis://localhost:6379/2',
};
