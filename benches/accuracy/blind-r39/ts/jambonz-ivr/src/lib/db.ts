import mysql from "mysql2/promise";

// Shared pool for the IVR process.
export const pool = mysql.createPool({ uri: process.env.IVR_DATABASE_URL, connectionLimit: 150, waitForConnections: true });

// The CRM lives in a separate MySQL instance owned by the sales team.
export async function connectCrm(): Promise<mysql.Connection> {
  return mysql.createConnection({
    uri: process.env.CRM_DATABASE_URL,
    connectTimeout: 2_000,
  });
}

export interface Agent {
  id: number;
  sip_uri: string;
  queue: string;
}
