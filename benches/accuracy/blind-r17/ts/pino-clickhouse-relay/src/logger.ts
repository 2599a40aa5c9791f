import pino from 'pino';

export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  transport: {
    targets: [
      { target: 'pino/file', options: { destination: 1 }, level: 'info' },
      {
        target: new URL('./clickhouseTransport.js', import.meta.url).pathname,
        options: { url: process.env.CLICKHOUSE_URL ?? 'http://localhost:8123', table: 'relay_logs' },
        level: 'info',
      },
    ],
  },
});
