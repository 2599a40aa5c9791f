import mysql from 'mysql2/promise';

// Same convar oxmysql reads, so server.cfg only needs one line:
//   set mysql_connection_string "mysql://fivem:secret@127.0.0.1/harbor"
const connectionString = GetConvar('mysql_connection_string', 'mysql://fivem:fivem@127.0.0.1/harbor');

export function openDb(): mysql.Pool {
  return mysql.createPool({
    uri: connectionString,
    connectionLimit: 8,
    waitForConnections: true,
    namedPlaceholders: true,
    enableKeepAlive: true,
  });
}

export function connectionOptions(): mysql.ConnectionOptions {
  return { uri: connectionString, namedPlaceholders: true };
}

export interface VehicleRow extends mysql.RowDataPacket {
  plate: string;
  owner: string;
  model: string;
  garage: string;
  state: 'garaged' | 'out' | 'impounded';
  props: string;
}

export function identifierOf(src: number | string): string | undefined {
  const ids: string[] = GetPlayerIdentifiers(String(src));
  return ids.find((id) => id.startsWith('license:'));
}
