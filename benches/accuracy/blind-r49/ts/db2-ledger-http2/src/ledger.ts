import ibmdb from "ibm_db";

export interface LedgerStore {
  balance(account: string): Promise<number | null>;
  post(account: string, amountCents: number, memo: string): Promise<void>;
  close(): Promise<void>;
}

export function createLedgerStore(connStr: string, maxPoolSize = 8): LedgerStore {
  const pool = new ibmdb.Pool({ maxPoolSize, idleTimeout: 60 });
  pool.init(2, connStr);

  async function withConn<T>(fn: (conn: ibmdb.Database) => Promise<T>): Promise<T> {
    const conn = await pool.open(connStr);
    try {
      return await fn(conn);
    } finally {
      await conn.close();
    }
  }

  return {
    balance: (account) =>
      withConn(async (conn) => {
        const rows = (await conn.query(
          "SELECT BALANCE_CENTS FROM LEDGER.ACCOUNT WHERE ACCOUNT_NO = ?",
          [account],
        )) as Array<{ BALANCE_CENTS: number }>;
        return rows.length ? Number(rows[0].BALANCE_CENTS) : null;
      }),
    post: (account, amountCents, memo) =>
      withConn(async (conn) => {
        await conn.beginTransaction();
        try {
          await conn.query(
            "INSERT INTO LEDGER.ENTRY (ACCOUNT_NO, AMOUNT_CENTS, MEMO) VALUES (?, ?, ?)",
            [account, amountCents, memo],
          );
          await conn.query(
            "UPDATE LEDGER.ACCOUNT SET BALANCE_CENTS = BALANCE_CENTS + ? WHERE ACCOUNT_NO = ?",
            [amountCents, account],
          );
          await conn.commitTransaction();
        } catch (err) {
          await conn.rollbackTransaction();
          throw err;
        }
      }),
    close: () => new Promise<void>((resolve) => pool.close(() => resolve())),
  };
}
