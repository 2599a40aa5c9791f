import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { parse } from "csv-parse/sync";
import { hatchet } from "../hatchet-client.js";
import { appPool, openWarehouse } from "../db.js";

type IngestInput = {
  uploadId: string;
  bucket: string;
  key: string;
  region: string;
};

type Row = { sku: string; qty: string; sold_at: string };

export const ingestUpload = hatchet.workflow<IngestInput>({
  name: "ingest-upload",
  onEvents: ["upload:completed"],
});

const download = ingestUpload.task({
  name: "download",
  retries: 3,
  fn: async (input, ctx) => {
    const s3 = new S3Client({ region: input.region });
    const obj = await s3.send(
      new GetObjectCommand({ Bucket: input.bucket, Key: input.key }),
    );
    const body = await obj.Body!.transformToString("utf-8");
    const rows = parse(body, { columns: true, skip_empty_lines: true }) as Row[];
    ctx.log(`parsed ${rows.length} rows from s3://${input.bucket}/${input.key}`);
    return { rows };
  },
});

const load = ingestUpload.task({
  name: "load-warehouse",
  parents: [download],
  executionTimeout: "10m",
  fn: async (input, ctx) => {
    const { rows } = await ctx.parentOutput(download);
    const wh = openWarehouse();
    try {
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        await wh.query(
          `insert into sales_fact (upload_id, sku, qty, sold_at)
           select $1, x.sku, x.qty::int, x.sold_at::timestamptz
           from json_to_recordset($2::json) as x(sku text, qty text, sold_at text)`,
          [input.uploadId, JSON.stringify(chunk)],
        );
      }
    } finally {
      await wh.end();
    }
    return { loaded: rows.length };
  },
});

ingestUpload.task({
  name: "mark-done",
  parents: [load],
  fn: async (input, ctx) => {
    const { loaded } = await ctx.parentOutput(load);
    const client = await appPool.connect();
    await client.query("begin");
    await client.query(
      "update uploads set status = 'loaded', row_count = $2, loaded_at = now() where id = $1",
      [input.uploadId, loaded],
    );
    await client.query(
      "insert into upload_events (upload_id, kind) values ($1, 'loaded')",
      [input.uploadId],
    );
    await client.query("commit");
    client.release();
    return { ok: true };
  },
});
