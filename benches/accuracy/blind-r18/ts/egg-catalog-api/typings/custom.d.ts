import 'egg';
import type { Pool, ConnectionOptions } from 'mysql2/promise';

declare module 'egg' {
  interface Application {
    catalogPool: Pool;
  }
  interface EggAppConfig {
    catalogDb: ConnectionOptions;
    reportingDb: ConnectionOptions;
    elasticsearch: { node: string; index: string };
  }
}
