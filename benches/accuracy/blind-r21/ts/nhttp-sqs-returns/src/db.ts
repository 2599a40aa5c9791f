import mysql from "mysql2/promise";

// Called exactly once by each entry point (web.ts, worker.ts); they run as
// separate processes under the Procfile, each with its own small pool.
export function createPool(role: "web" | "worker"): mysql.Pool {
  return mysql.createPool({
    uri: process.env.DATABASE_URL,
    connectionLimit: role === "web" ? 10 : 4,
    waitForConnections: true,
    enableKeepAlive: true,
    namedPlaceholders: true,
    connectAttributes: { program_name: `returns-${role}` },
  });
}

export interface ReturnRow {
  id: number;
  order_id: string;
  status: "requested" | "received" | "refunded" | "rejected";
  reason: string;
  refund_cents: number | null;
}

export async function getReturn(pool: mysql.Pool, id: number): Promise<ReturnRow | undefined> {
  const [rows] = await pool.query<(ReturnRow & mysql.RowDataPacket)[]>(
    "SELECT id, order_id, status, reason, refund_cents FROM returns WHERE id = :id",
    { id },
  );
  return rows[0];
}

export async function applyRefund(
  pool: mysql.Pool,
  returnId: number,
  refundCents: number,
  providerRef: string,
): Promise<boolean> {
  const conn = await pool.getConnection();
  try {
    await conn.beginTransaction();
    const [res] = await conn.execute<mysql.ResultSetHeader>(
      "UPDATE returns SET status = 'refunded', refund_cents = :refundCents WHERE id = :returnId AND status = 'received'",
      { returnId, refundCents },
    );
    if (res.affectedRows === 0) {
      await conn.rollback();
      return false;
    }
    await conn.execute(
      "INSERT INTO refund_log (return_id, amount_cents, provider_ref) VALUES (:returnId, :refundCents, :providerRef)",
      { returnId, refundCents, providerRef },
    );
    await conn.commit();
    return true;
  } catch (err) {
    await conn.rollback();
    throw err;
  } finally {
    conn.release();
  }
}
