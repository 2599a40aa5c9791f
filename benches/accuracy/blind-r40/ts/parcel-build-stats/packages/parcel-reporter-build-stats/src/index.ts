import { Reporter } from "@parcel/plugin";
import { statsDb, closeStatsDb } from "./stats-store";
import { notifyBudget, closeHooks } from "./size-hooks";

let watching = false;

async function shutdown(): Promise<void> {
  await Promise.all([closeStatsDb(), closeHooks()]);
}

export default new Reporter({
  // Parcel calls report() for every build event: buildStart, buildProgress,
  // buildSuccess on each rebuild in watch/serve mode, watchEnd, ...
  async report({ event, options, logger }) {
    switch (event.type) {
      case "watchStart":
        watching = true;
        return;
      case "watchEnd":
        await shutdown();
        return;
      case "buildSuccess": {
        const bundles = event.bundleGraph.getBundles().map((b) => ({
          name: b.displayName,
          type: b.type,
          size: b.stats.size,
        }));
        const totalBytes = bundles.reduce((sum, b) => sum + b.size, 0);
        const target = process.env.DEPLOY_TARGET ?? (options.mode === "production" ? "production" : "preview");
        try {
          const db = await statsDb();
          await db.collection("builds").insertOne({
            target,
            mode: options.mode,
            buildTimeMs: event.buildTime,
            totalBytes,
            bundles,
            at: new Date(),
          });
          await notifyBudget(target, { totalBytes, bundles });
        } catch (err) {
          logger.warn({ message: `build stats not recorded: ${(err as Error).message}` });
        }
        if (!watching) await shutdown();
        return;
      }
      case "buildFailure":
        if (!watching) await shutdown();
        return;
      default:
        return;
    }
  },
});
