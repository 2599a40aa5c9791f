import type { ClickHouseClient } from "@clickhouse/client";
import { searchFor } from "./clients.js";
import type { Job } from "./runner.js";

const ROLLUP_TABLE = { hour: "events_hourly", day: "events_daily" } as const;

export function makeHandler(ch: ClickHouseClient) {
  return async (job: Job): Promise<void> => {
    switch (job.type) {
      case "rollup":
        await ch.command({
          query: `INSERT INTO ${ROLLUP_TABLE[job.bucket]}
                  SELECT tenant, toStartOf${job.bucket === "hour" ? "Hour" : "Day"}(ts) AS bucket, count() AS n
                  FROM events WHERE tenant = {tenant:String} AND ts >= now() - INTERVAL 1 ${job.bucket.toUpperCase()}
                  GROUP BY tenant, bucket`,
          query_params: { tenant: job.tenant },
        });
        return;
      case "reindex": {
        const rs = await ch.query({
          query: "SELECT id, title, body FROM documents WHERE tenant = {tenant:String} AND updated_at > {since:DateTime}",
          query_params: { tenant: job.tenant, since: Math.floor(job.since.getTime() / 1000) },
          format: "JSONEachRow",
        });
        const docs = await rs.json<{ id: string; title: string; body: string }>();
        if (!docs.length) return;
        await searchFor(job.tenant).bulk({
          body: docs.flatMap((d) => [{ index: { _index: `${job.tenant}-docs`, _id: d.id } }, { title: d.title, body: d.body }]),
        });
        return;
      }
    }
  };
}
