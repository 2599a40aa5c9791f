export { pool, createReportPool } from './mariadb.js';
export { redis, stockKey } from './redis.js';
