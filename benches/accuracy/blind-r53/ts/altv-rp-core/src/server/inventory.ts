import * as alt from 'alt-server';
import type Redis from 'ioredis';
import type mysql from 'mysql2/promise';

interface ItemRow extends mysql.RowDataPacket {
  item_id: number;
  name: string;
  amount: number;
  usable: number;
}

const USE_COOLDOWN_MS = 1_500;

export function registerInventoryHandlers(pool: mysql.Pool, redis: Redis): void {
  alt.onClient('inventory:open', async (player: alt.Player) => {
    const accountId = player.getMeta('accountId') as number | undefined;
    if (accountId === undefined) return;

    const [items] = await pool.query<ItemRow[]>(
      'SELECT i.item_id, d.name, i.amount, d.usable FROM inventory i JOIN item_defs d ON d.id = i.item_id WHERE i.account_id = ?',
      [accountId],
    );
    alt.emitClient(player, 'inventory:contents', items);
  });

  alt.onClient('inventory:use', async (player: alt.Player, itemId: number) => {
    const accountId = player.getMeta('accountId') as number | undefined;
    if (accountId === undefined || !Number.isInteger(itemId)) return;

    // SET NX PX acts as a per-player cooldown lock.
    const ok = await redis.set(`use-cd:${accountId}`, '1', 'PX', USE_COOLDOWN_MS, 'NX');
    if (!ok) return;

    const [res] = await pool.execute<mysql.ResultSetHeader>(
      'UPDATE inventory SET amount = amount - 1 WHERE account_id = ? AND item_id = ? AND amount > 0',
      [accountId, itemId],
    );
    if (res.affectedRows === 0) {
      alt.emitClient(player, 'inventory:notify', 'You do not have that item.');
      return;
    }
    await pool.execute('DELETE FROM inventory WHERE account_id = ? AND item_id = ? AND amount = 0', [
      accountId,
      itemId,
    ]);
    alt.emit('inventory:itemUsed', player, itemId);
    alt.emitClient(player, 'inventory:notify', 'Item used.');
  });
}
