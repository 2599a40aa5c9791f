import type { Compiler, RspackPluginInstance, Stats } from '@rspack/core';
import Redis from 'ioredis';

export interface BuildNotifierOptions {
  redisUrl: string;
  release: string;
}

interface BuildSummary {
  release: string;
  hash: string | undefined;
  durationMs: number;
  errors: number;
  warnings: number;
  assets: number;
  host: string;
}

function summarize(stats: Stats, release: string): BuildSummary {
  const json = stats.toJson({ all: false, assets: true, errorsCount: true, warningsCount: true, timings: true, hash: true });
  return {
    release,
    hash: json.hash,
    durationMs: json.time ?? 0,
    errors: json.errorsCount ?? 0,
    warnings: json.warningsCount ?? 0,
    assets: json.assets?.length ?? 0,
    host: process.env.HOSTNAME ?? 'local',
  };
}

// Publishes every finished build to the team's build bus so the dashboard can show it live.
export class BuildNotifierPlugin implements RspackPluginInstance {
  name = 'BuildNotifierPlugin';

  constructor(private readonly options: BuildNotifierOptions) {}

  apply(compiler: Compiler): void {
    const logger = compiler.getInfrastructureLogger(this.name);

    compiler.hooks.done.tapPromise(this.name, async (stats) => {
      const summary = summarize(stats, this.options.release);
      const bus = new Redis(this.options.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 });
      try {
        await bus.xadd('builds:web', 'MAXLEN', '~', '5000', '*', 'summary', JSON.stringify(summary));
        await bus.publish('builds:web:live', JSON.stringify(summary));
      } catch (err) {
        logger.warn(`could not publish build summary: ${(err as Error).message}`);
      }
    });

    compiler.hooks.failed.tap(this.name, (err) => {
      logger.error(`build failed before completion: ${err.message}`);
    });
  }
}
