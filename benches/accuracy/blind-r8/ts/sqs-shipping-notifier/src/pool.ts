import oracledb from 'oracledb';

export const POOL_ALIAS = 'shipments';

export async function initPool(): Promise<void> {
  oracledb.outFormat = oracledb.OUT_FORMAT_OBJECT;
  await oracledb.createPool({
    poolAlias: POOL_ALIAS,
    user: process.env.ORACLE_USER,
    password: process.env.ORACLE_PASSWORD,
    connectString: process.env.ORACLE_CONNECT_STRING ?? 'localhost/FREEPDB1',
    poolMin: 2,
    poolMax: 8,
    poolIncrement: 1,
  });
}

export async function closePool(): Promise<void> {
  await oracledb.getPool(POOL_ALIAS).close(10);
}
