const { Pool } = require('pg');
const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');

const NAME = 'BuildManifestPlugin';

class BuildManifestPlugin {
  constructor(options) {
    this.options = options;
  }

  apply(compiler) {
    const stats = new Pool({ connectionString: process.env.BUILD_STATS_DATABASE_URL, max: 2 });

    compiler.hooks.afterEmit.tapPromise(NAME, async (compilation) => {
      const manifest = {
        hash: compilation.hash,
        builtAt: new Date().toISOString(),
        assets: Object.keys(compilation.assets),
        entrypoints: [...compilation.entrypoints.keys()],
      };
      const s3 = new S3Client({ region: process.env.AWS_REGION || 'eu-west-1' });
      await s3.send(
        new PutObjectCommand({
          Bucket: this.options.bucket,
          Key: `${this.options.prefix}/manifest.json`,
          Body: JSON.stringify(manifest, null, 2),
          ContentType: 'application/json',
        }),
      );
    });

    compiler.hooks.done.tapPromise(NAME, async (result) => {
      const { time, errors, warnings } = result.toJson({ all: false, timings: true, errors: true, warnings: true });
      await stats.query(
        'INSERT INTO webpack_builds (branch, duration_ms, error_count, warning_count) VALUES ($1, $2, $3, $4)',
        [this.options.prefix, time, errors.length, warnings.length],
      );
    });

    compiler.hooks.shutdown.tapPromise(NAME, async () => {
      await stats.end();
    });
  }
}

module.exports = BuildManifestPlugin;
