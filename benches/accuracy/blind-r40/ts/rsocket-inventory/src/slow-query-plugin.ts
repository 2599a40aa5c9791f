import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryId,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from "kysely";
import type { Redis } from "ioredis";

/**
 * Kysely calls transformQuery/transformResult for every query. The plugin is
 * constructed once in main() with the shared Redis connection and only
 * records timings; it owns no connections of its own.
 */
export class SlowQueryPlugin implements KyselyPlugin {
  private readonly started = new WeakMap<QueryId, { at: number; kind: string }>();

  constructor(
    private readonly redis: Redis,
    private readonly thresholdMs: number,
  ) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.started.set(args.queryId, { at: performance.now(), kind: args.node.kind });
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const start = this.started.get(args.queryId);
    if (start) {
      const elapsed = performance.now() - start.at;
      if (elapsed > this.thresholdMs) {
        await this.redis
          .multi()
          .zincrby("inventory:slow-queries", 1, start.kind)
          .lpush("inventory:slow-query-samples", JSON.stringify({ kind: start.kind, ms: Math.round(elapsed), at: Date.now() }))
          .ltrim("inventory:slow-query-samples", 0, 499)
          .exec();
      }
    }
    return args.result;
  }
}
