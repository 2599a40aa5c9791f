import { BrowserWindow, BrowserView } from "electrobun/bun";
import { Client } from "pg";
import type { PartsRPC, Part, Reservation } from "../shared/rpc";
import { pool, DATABASE_URL, SEARCH_SQL, listLocations, toPart } from "./db";

const rpc = BrowserView.defineRPC<PartsRPC>({
  maxRequestTime: 10_000,
  handlers: {
    requests: {
      // Called from the search box on every keystroke (debounced 150 ms in the view).
      searchParts: async ({ query }): Promise<Part[]> => {
        const trimmed = query.trim();
        if (trimmed.length < 2) return [];
        const client = new Client({ connectionString: DATABASE_URL, application_name: "parts-desk-search" });
        await client.connect();
        try {
          const { rows } = await client.query<Part>(SEARCH_SQL, [`%${trimmed}%`]);
          return rows.map(toPart);
        } finally {
          await client.end();
        }
      },

      reserveStock: async ({ partId, qty, jobRef }): Promise<Reservation> => {
        const conn = await pool.connect();
        await conn.query("BEGIN");
        const { rows } = await conn.query<{ on_hand: number }>(
          "SELECT on_hand FROM parts WHERE id = $1 FOR UPDATE",
          [partId],
        );
        if (rows.length === 0 || rows[0].on_hand < qty) {
          await conn.query("ROLLBACK");
          return { ok: false, remaining: rows[0]?.on_hand ?? 0, reason: "insufficient stock" };
        }
        const remaining = rows[0].on_hand - qty;
        try {
          await conn.query("UPDATE parts SET on_hand = $2 WHERE id = $1", [partId, remaining]);
          await conn.query(
            "INSERT INTO reservations (part_id, qty, job_ref, reserved_at) VALUES ($1, $2, $3, now())",
            [partId, qty, jobRef],
          );
          await conn.query("COMMIT");
        } catch (err) {
          await conn.query("ROLLBACK");
          throw err;
        } finally {
          conn.release();
        }
        rpc.send.stockChanged({ partId, remaining });
        return { ok: true, remaining };
      },

      listLocations: async () => listLocations(),
    },
    messages: {
      "*": (messageName, payload) => {
        if (process.env.PARTS_DESK_DEBUG) console.log("[view]", messageName, payload);
      },
      logToBun: ({ msg }) => {
        console.log("[view]", msg);
      },
    },
  },
});

const win = new BrowserWindow({
  title: "Parts Desk",
  url: "views://mainview/index.html",
  frame: { width: 1180, height: 780, x: 160, y: 90 },
  rpc,
});

win.on("close", async () => {
  await pool.end();
  process.exit(0);
});
