import mysql from "mysql2/promise";

export const pool = mysql.createPool({
  uri: process.env.TRIAGE_DB_URL ?? "mysql://triage@localhost:3306/triage",
  connectionLimit: 8,
  waitForConnections: true,
});

export function ticketDbConfig(): mysql.ConnectionOptions {
  return {
    host: process.env.TICKETS_HOST ?? "localhost",
    user: process.env.TICKETS_USER ?? "bot",
    password: process.env.TICKETS_PASSWORD,
    database: "tickets",
  };
}
