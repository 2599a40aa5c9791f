import type { GluegunCommand } from "gluegun";
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { makeClient } from "../lib/cassandra";

const command: GluegunCommand = {
  name: "export",
  description: "Export one day of events for a tenant to S3 as NDJSON",
  run: async (toolbox) => {
    const { parameters, print } = toolbox;
    const tenant = parameters.first;
    const day = (parameters.options.day as string | undefined) ?? new Date().toISOString().slice(0, 10);
    if (!tenant) {
      print.error("usage: eventsctl export <tenant> [--day YYYY-MM-DD]");
      process.exitCode = 1;
      return;
    }

    const client = makeClient();
    const s3 = new S3Client({ region: process.env.AWS_REGION ?? "eu-west-1" });
    const spinner = print.spin(`exporting ${tenant} ${day}`);
    try {
      const lines: string[] = [];
      const rs = await client.execute(
        "SELECT event_id, kind, payload, created_at FROM events_by_day WHERE tenant = ? AND day = ?",
        [tenant, day],
        { prepare: true, fetchSize: 5000 },
      );
      for await (const row of rs) {
        lines.push(JSON.stringify({ id: row.event_id.toString(), kind: row.kind, payload: row.payload, at: row.created_at }));
      }
      await s3.send(
        new PutObjectCommand({
          Bucket: process.env.EXPORT_BUCKET ?? "events-exports",
          Key: `${tenant}/${day}.ndjson`,
          Body: lines.join("\n"),
        }),
      );
      spinner.succeed(`exported ${lines.length} events`);
    } catch (err) {
      spinner.fail(String(err));
      process.exitCode = 1;
    } finally {
      s3.destroy();
      await client.shutdown();
    }
  },
};

module.exports = command;
