import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Pool } from 'pg';
import type { Compilation, Compiler, Stats } from 'webpack';

export interface ReleasePluginOptions {
  release: string;
  bucket: string;
  region: string;
  databaseUrl: string;
}

const PLUGIN = 'ReleasePlugin';

/**
 * Uploads source maps for every emitted bundle and records the build in the
 * releases database so the error tracker can symbolicate stack traces.
 */
export class ReleasePlugin {
  constructor(private readonly options: ReleasePluginOptions) {}

  apply(compiler: Compiler): void {
    const logger = compiler.getInfrastructureLogger(PLUGIN);

    compiler.hooks.afterEmit.tapPromise(PLUGIN, async (compilation: Compilation) => {
      const maps = compilation.getAssets().filter((asset) => asset.name.endsWith('.map'));
      if (maps.length === 0) return;

      const s3 = new S3Client({ region: this.options.region });
      await Promise.all(
        maps.map((asset) =>
          s3.send(
            new PutObjectCommand({
              Bucket: this.options.bucket,
              Key: `${this.options.release}/${asset.name}`,
              Body: asset.source.buffer(),
              ContentType: 'application/json',
            }),
          ),
        ),
      );
      logger.info(`uploaded ${maps.length} source maps for ${this.options.release}`);
    });

    compiler.hooks.done.tapPromise(PLUGIN, async (stats: Stats) => {
      const info = stats.toJson({ assets: true, errors: false, warnings: false });
      const pool = new Pool({ connectionString: this.options.databaseUrl, max: 3 });

      await pool.query(
        `INSERT INTO builds (release, hash, duration_ms, asset_count, error_count, built_at)
         VALUES ($1, $2, $3, $4, $5, now())
         ON CONFLICT (release, hash) DO NOTHING`,
        [
          this.options.release,
          stats.hash,
          (stats.endTime ?? 0) - (stats.startTime ?? 0),
          info.assets?.length ?? 0,
          stats.compilation.errors.length,
        ],
      );
      logger.info(`recorded build ${stats.hash} (${compiler.watchMode ? 'watch' : 'single'})`);
    });

    compiler.hooks.failed.tap(PLUGIN, (error: Error) => {
      logger.error(`build failed for ${this.options.release}: ${error.message}`);
    });
  }
}
