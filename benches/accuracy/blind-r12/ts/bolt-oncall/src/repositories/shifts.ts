import mysql, { type RowDataPacket } from "mysql2/promise";

// Shift queries live here so the Slack handlers stay thin.
const pool = mysql.createPool({
  host: process.env.MYSQL_HOST ?? "127.0.0.1",
  user: process.env.MYSQL_USER ?? "oncall",
  password: process.env.MYSQL_PASSWORD,
  database: process.env.MYSQL_DATABASE ?? "oncall",
  connectionLimit: 5,
});

export interface Shift extends RowDataPacket {
  team: string;
  slack_user_id: string;
  starts_at: Date;
  ends_at: Date;
}

export async function currentShift(team: string): Promise<Shift | undefined> {
  const [rows] = await pool.query<Shift[]>(
    "SELECT team, slack_user_id, starts_at, ends_at FROM shifts WHERE team = ? AND NOW() BETWEEN starts_at AND ends_at LIMIT 1",
    [team],
  );
  return rows[0];
}

export async function swapShift(team: string, fromUser: string, toUser: string) {
  await pool.execute(
    "UPDATE shifts SET slack_user_id = ? WHERE team = ? AND slack_user_id = ? AND ends_at > NOW()",
    [toUser, team, fromUser],
  );
}
