import mysql, { RowDataPacket } from 'mysql2/promise';

// Play log lives in the same radio database as favourites.
const plays = mysql.createPool({
  uri: process.env.RADIO_DB_URL,
  connectionLimit: 5,
});

export interface Play extends RowDataPacket {
  title: string;
  artist: string;
  played_at: Date;
}

export async function lastPlays(limit: number): Promise<Play[]> {
  const [rows] = await plays.query<Play[]>(
    'SELECT title, artist, played_at FROM plays ORDER BY played_at DESC LIMIT ?',
    [limit],
  );
  return rows;
}
