import mysql from "mysql2/promise";

// release-phase script: runs once per deploy, then exits
const statements = [
  `CREATE TABLE IF NOT EXISTS fixes (
     id BIGINT AUTO_INCREMENT PRIMARY KEY,
     vehicle_id VARCHAR(64) NOT NULL,
     device VARCHAR(128) NOT NULL,
     lat DOUBLE NOT NULL,
     lon DOUBLE NOT NULL,
     speed DOUBLE NULL,
     track DOUBLE NULL,
     fixed_at DATETIME(3) NOT NULL,
     INDEX idx_vehicle_time (vehicle_id, fixed_at)
   )`,
  `CREATE TABLE IF NOT EXISTS last_position (
     vehicle_id VARCHAR(64) PRIMARY KEY,
     lat DOUBLE NOT NULL,
     lon DOUBLE NOT NULL,
     updated_at DATETIME NOT NULL
   )`,
];

async function migrate(): Promise<void> {
  const conn = await mysql.createConnection(process.env.DATABASE_URL!);
  try {
    for (const stmt of statements) await conn.query(stmt);
    console.log(`applied ${statements.length} statements`);
  } finally {
    await conn.end();
  }
}

migrate().catch((err) => {
  console.error(err);
  process.exit(1);
});
