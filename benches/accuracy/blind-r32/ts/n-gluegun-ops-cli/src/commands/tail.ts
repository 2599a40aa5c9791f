import type { GluegunCommand } from "gluegun";
import { setTimeout as sleep } from "node:timers/promises";
import { connectWithRetry } from "../lib/cassandra";

const command: GluegunCommand = {
  name: "tail",
  description: "Follow new events for a tenant until interrupted",
  run: async (toolbox) => {
    const { parameters, print } = toolbox;
    const tenant = parameters.first;
    if (!tenant) {
      print.error("usage: eventsctl tail <tenant>");
      return;
    }

    const client = await connectWithRetry();
    let stopped = false;
    process.once("SIGINT", () => {
      stopped = true;
    });

    let since = new Date(Date.now() - 60_000);
    try {
      while (!stopped) {
        const day = new Date().toISOString().slice(0, 10);
        const rs = await client.execute(
          "SELECT event_id, kind, created_at FROM events_by_day WHERE tenant = ? AND day = ? AND created_at > ?",
          [tenant, day, since],
          { prepare: true },
        );
        for (const row of rs.rows) {
          print.info(`${row.created_at.toISOString()}  ${row.kind}  ${row.event_id}`);
          if (row.created_at > since) since = row.created_at;
        }
        await sleep(Number(parameters.options.interval ?? 5) * 1000);
      }
    } finally {
      await client.shutdown();
    }
  },
};

module.exports = command;
