import mysql from 'mysql2/promise';

// Shared pool for the billing schema.
export const pool = mysql.createPool({ uri: process.env.BILLING_DB_URL, connectionLimit: 120, waitForConnections: true });
