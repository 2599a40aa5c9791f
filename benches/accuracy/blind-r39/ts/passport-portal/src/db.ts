import mysql from "mysql2/promise";

export const db = mysql.createPool({
  uri: process.env.DATABASE_URL,
  connectionLimit: 10,
  namedPlaceholders: true,
});

// Profile reads go to the replica to keep load off the primary.
export function readReplica(): mysql.Pool {
  return mysql.createPool({
    uri: process.env.REPLICA_DATABASE_URL ?? process.env.DATABASE_URL,
    connectionLimit: 5,
  });
}

export interface UserRow {
  id: number;
  email: string;
  password_hash: string;
  display_name: string;
  role: "customer" | "staff";
}
