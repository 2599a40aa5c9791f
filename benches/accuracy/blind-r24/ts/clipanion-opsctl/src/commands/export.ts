import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { Command, Option } from "clipanion";
import * as t from "typanion";
import { MongoClient } from "mongodb";

export class ExportOrdersCommand extends Command {
  static paths = [["export", "orders"]];

  static usage = Command.Usage({
    description: "Export orders for one merchant to NDJSON",
    examples: [["Export June orders", "opsctl export orders --merchant m_123 --since 2024-06-01 -o june.ndjson"]],
  });

  merchant = Option.String("--merchant", { required: true });
  since = Option.String("--since", { required: true });
  out = Option.String("-o,--out", "orders.ndjson");
  limit = Option.String("--limit", "0", { validator: t.isNumber() });

  async execute(): Promise<number> {
    const mongo = new MongoClient(process.env.MONGO_URL ?? "mongodb://127.0.0.1:27017", {
      appName: "opsctl-export",
      readPreference: "secondaryPreferred",
    });
    const file = createWriteStream(this.out);

    try {
      await mongo.connect();
      const cursor = mongo
        .db("orders")
        .collection("orders")
        .find({ merchantId: this.merchant, createdAt: { $gte: new Date(this.since) } })
        .sort({ createdAt: 1 })
        .limit(this.limit);

      let n = 0;
      for await (const doc of cursor) {
        if (!file.write(JSON.stringify(doc) + "\n")) await once(file, "drain");
        n++;
      }
      this.context.stdout.write(`exported ${n} orders to ${this.out}\n`);
      return 0;
    } finally {
      file.end();
      await mongo.close();
    }
  }
}
