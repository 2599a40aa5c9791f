import mysql from "mysql2/promise";

// The warehouse management system exposes a read replica per site.
export function openWarehouse(site: string) {
  return mysql.createPool({
    host: `wms-${site}.internal`,
    user: process.env.WMS_USER,
    password: process.env.WMS_PASSWORD,
    database: "wms",
    connectionLimit: 4,
  });
}
