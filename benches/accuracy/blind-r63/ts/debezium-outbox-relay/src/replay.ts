import { command, run, option, string, number } from "cmd-ts";
import { createPool } from "./pool.js";

// One-off: forget relay markers so Debezium's next snapshot re-publishes
// them. Run by hand after an incident: `npm run replay -- --since 2024-06-01T00:00:00Z`.
const replay = command({
  name: "replay",
  description: "Mark outbox rows since a timestamp as not yet relayed",
  args: {
    since: option({ type: string, long: "since", description: "ISO timestamp" }),
    batch: option({ type: number, long: "batch", defaultValue: () => 10_000 }),
  },
  handler: async ({ since, batch }) => {
    const pool = createPool("outbox-replay", 1);
    try {
      let total = 0;
      for (;;) {
        const { rowCount } = await pool.query(
          `delete from relayed where outbox_id in (
             select r.outbox_id from relayed r join outbox o on o.id = r.outbox_id
              where o.created_at >= $1 limit $2)`,
          [since, batch]
        );
        total += rowCount ?? 0;
        if (!rowCount) break;
      }
      console.log(`cleared ${total} relay markers`);
    } finally {
      await pool.end();
    }
  },
});

run(replay, process.argv.slice(2));
