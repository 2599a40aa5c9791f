import mysql from "mysql2/promise";

// Channel statistics live on the analytics MySQL replica.
export function makeStatsPool() {
  return mysql.createPool({ uri: process.env.STATS_DB_URL, connectionLimit: 100, waitForConnections: true });
}
