import { Program } from "@caporal/core";
import { openMongo, searchClient } from "../lib/clients";

interface ProductDoc {
  _id: string;
  title: string;
  brand?: string;
  categories: string[];
  priceCents: number;
  active: boolean;
}

export function registerReindex(program: Program): void {
  program
    .command("reindex", "Rebuild a Meilisearch index from the catalog")
    .argument("<index>", "Index to rebuild", { validator: ["products", "brands"] })
    .option("--batch <size>", "Documents per batch", { default: 1000, validator: program.NUMBER })
    .option("--dry-run", "Count documents without writing", { validator: program.BOOLEAN })
    .action(async ({ args, options, logger }) => {
      const mongo = await openMongo();
      const search = searchClient();
      try {
        const cursor = mongo
          .db()
          .collection<ProductDoc>(String(args.index))
          .find({ active: true }, { batchSize: Number(options.batch) });

        let batch: ProductDoc[] = [];
        let total = 0;
        for await (const doc of cursor) {
          batch.push(doc);
          if (batch.length >= Number(options.batch)) {
            total += await flush(batch);
            batch = [];
          }
        }
        total += await flush(batch);
        logger.info(`${options.dryRun ? "would index" : "indexed"} ${total} documents into ${args.index}`);

        async function flush(docs: ProductDoc[]): Promise<number> {
          if (docs.length === 0 || options.dryRun) return docs.length;
          const task = await search
            .index(String(args.index))
            .addDocuments(docs.map((d) => ({ ...d, id: String(d._id) })), { primaryKey: "id" });
          await search.waitForTask(task.taskUid, { timeOutMs: 60_000 });
          return docs.length;
        }
      } finally {
        await mongo.close();
      }
    });
}
