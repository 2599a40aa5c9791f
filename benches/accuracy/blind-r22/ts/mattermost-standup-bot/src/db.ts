import mysql from "mysql2/promise";

// Shared pool for the bot's bookkeeping tables (reminders, channel settings).
export const pool = mysql.createPool({
  uri: process.env.MYSQL_URL,
  connectionLimit: 8,
  waitForConnections: true,
  enableKeepAlive: true,
  timezone: "Z",
});

export interface ChannelSettings {
  channel_id: string;
  standup_hour_utc: number;
  reminder_text: string;
  enabled: number;
}

export async function getChannelSettings(channelId: string): Promise<ChannelSettings | null> {
  const [rows] = await pool.query<(ChannelSettings & mysql.RowDataPacket)[]>(
    "SELECT channel_id, standup_hour_utc, reminder_text, enabled FROM channel_settings WHERE channel_id = ?",
    [channelId],
  );
  return rows[0] ?? null;
}

export async function setStandupHour(channelId: string, hourUtc: number): Promise<void> {
  await pool.execute(
    `INSERT INTO channel_settings (channel_id, standup_hour_utc, reminder_text, enabled)
     VALUES (?, ?, 'Time for standup! Reply with !standup <yesterday> | <today> | <blockers>', 1)
     ON DUPLICATE KEY UPDATE standup_hour_utc = VALUES(standup_hour_utc), enabled = 1`,
    [channelId, hourUtc],
  );
}

export async function dueChannels(hourUtc: number): Promise<ChannelSettings[]> {
  const [rows] = await pool.query<(ChannelSettings & mysql.RowDataPacket)[]>(
    "SELECT channel_id, standup_hour_utc, reminder_text, enabled FROM channel_settings WHERE enabled = 1 AND standup_hour_utc = ?",
    [hourUtc],
  );
  return rows;
}
