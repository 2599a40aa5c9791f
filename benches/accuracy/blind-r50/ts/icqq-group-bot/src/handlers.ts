import type { GroupMessageEvent } from "icqq";
import type Redis from "ioredis";
import type { Pool, RowDataPacket } from "mysql2/promise";

interface Deps {
  pool: Pool;
  redis: Redis;
}

export function makeHandlers({ pool, redis }: Deps) {
  async function checkin(e: GroupMessageEvent) {
    const today = new Date().toISOString().slice(0, 10);
    const first = await redis.set(`checkin:${e.group_id}:${e.user_id}:${today}`, "1", "EX", 86_400, "NX");
    if (first !== "OK") {
      await e.reply("今天已经签到过了", true);
      return;
    }
    const conn = await pool.getConnection();
    try {
      await conn.beginTransaction();
      await conn.query(
        "INSERT INTO checkins (group_id, user_id, day) VALUES (?, ?, ?)",
        [e.group_id, e.user_id, today],
      );
      await conn.query(
        "INSERT INTO points (group_id, user_id, total) VALUES (?, ?, 10) ON DUPLICATE KEY UPDATE total = total + 10",
        [e.group_id, e.user_id],
      );
      await conn.commit();
    } catch (err) {
      await conn.rollback();
      throw err;
    } finally {
      conn.release();
    }
    await e.reply("签到成功 +10", true);
  }

  async function rank(e: GroupMessageEvent) {
    const [rows] = await pool.query<RowDataPacket[]>(
      "SELECT user_id, total FROM points WHERE group_id = ? ORDER BY total DESC LIMIT 10",
      [e.group_id],
    );
    await e.reply(rows.map((r, i) => `${i + 1}. ${r.user_id}  ${r.total}`).join("\n") || "暂无数据");
  }

  return {
    async onGroupMessage(e: GroupMessageEvent) {
      const text = e.raw_message.trim();
      if (text === "签到") return checkin(e);
      if (text === "排行") return rank(e);
    },
  };
}
