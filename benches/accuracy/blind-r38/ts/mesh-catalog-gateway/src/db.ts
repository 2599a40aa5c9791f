import mysql from 'mysql2/promise';

// Catalog DB (read/write). Shared by every resolver in the gateway process.
export const pool = mysql.createPool({ uri: process.env.CATALOG_DB_URL, connectionLimit: 80, waitForConnections: true });
