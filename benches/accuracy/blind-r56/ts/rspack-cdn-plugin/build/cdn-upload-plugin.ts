import type { Compiler, RspackPluginInstance } from '@rspack/core';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { lookup } from 'mime-types';

export interface CdnUploadOptions {
  bucket: string;
  region: string;
  prefix: string;
  enabled: boolean;
}

const IMMUTABLE = 'public, max-age=31536000, immutable';

export class CdnUploadPlugin implements RspackPluginInstance {
  name = 'CdnUploadPlugin';

  constructor(private readonly options: CdnUploadOptions) {}

  apply(compiler: Compiler): void {
    if (!this.options.enabled) return;
    const logger = compiler.getInfrastructureLogger(this.name);
    let uploaded = 0;

    compiler.hooks.watchRun.tap(this.name, () => {
      uploaded = 0;
    });

    // Called once for every file written to the output directory, on every (re)build.
    compiler.hooks.assetEmitted.tapPromise(this.name, async (file, { content }) => {
      if (file.endsWith('.map') || file === 'index.html') return;

      const s3 = new S3Client({ region: this.options.region, maxAttempts: 5 });
      await s3.send(
        new PutObjectCommand({
          Bucket: this.options.bucket,
          Key: `${this.options.prefix}${file}`,
          Body: content,
          ContentType: lookup(file) || 'application/octet-stream',
          CacheControl: IMMUTABLE,
        }),
      );
      uploaded++;
    });

    compiler.hooks.done.tap(this.name, (stats) => {
      if (stats.hasErrors()) {
        logger.warn(`build had errors; ${uploaded} assets were uploaded anyway`);
        return;
      }
      logger.info(`uploaded ${uploaded} assets to s3://${this.options.bucket}/${this.options.prefix}`);
    });
  }
}
