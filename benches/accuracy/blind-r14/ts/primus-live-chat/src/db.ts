import mysql from 'mysql2/promise';

export const chatPool = mysql.createPool({
  uri: process.env.CHAT_DATABASE_URL,
  connectionLimit: 10,
  waitForConnections: true,
  namedPlaceholders: true,
});
