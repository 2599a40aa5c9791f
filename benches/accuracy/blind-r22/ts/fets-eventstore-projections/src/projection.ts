import type { PoolConnection } from "mariadb";

export type AccountEvent =
  | { type: "AccountOpened"; data: { accountId: string; owner: string } }
  | { type: "FundsDeposited"; data: { accountId: string; amountCents: number } }
  | { type: "FundsWithdrawn"; data: { accountId: string; amountCents: number } }
  | { type: "AccountFrozen"; data: { accountId: string; reason: string } }
  | { type: "AccountClosed"; data: { accountId: string } };

// Applies one event to the read model; `revision` makes replays idempotent.
export async function apply(conn: PoolConnection, event: AccountEvent, revision: number): Promise<void> {
  switch (event.type) {
    case "AccountOpened":
      await conn.query(
        "INSERT IGNORE INTO accounts (id, owner, balance_cents, status, version) VALUES (?, ?, 0, 'open', ?)",
        [event.data.accountId, event.data.owner, revision],
      );
      return;
    case "FundsDeposited":
    case "FundsWithdrawn": {
      const sign = event.type === "FundsDeposited" ? 1 : -1;
      await conn.query(
        "UPDATE accounts SET balance_cents = balance_cents + ?, version = ? WHERE id = ? AND version < ?",
        [sign * event.data.amountCents, revision, event.data.accountId, revision],
      );
      return;
    }
    case "AccountFrozen":
      await conn.query("UPDATE accounts SET status = 'frozen', version = ? WHERE id = ? AND version < ?", [
        revision,
        event.data.accountId,
        revision,
      ]);
      return;
    case "AccountClosed":
      await conn.query("UPDATE accounts SET status = 'closed', version = ? WHERE id = ? AND version < ?", [
        revision,
        event.data.accountId,
        revision,
      ]);
      return;
  }
}
