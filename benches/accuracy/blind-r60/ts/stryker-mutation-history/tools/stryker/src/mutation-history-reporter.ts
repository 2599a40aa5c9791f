import pg from 'pg';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { commonTokens, tokens } from '@stryker-mutator/api/plugin';
import type { Logger } from '@stryker-mutator/api/logging';
import type { MutantResult, StrykerOptions, schema } from '@stryker-mutator/api/core';
import type { Reporter } from '@stryker-mutator/api/report';
import { recordSurvivor } from './survivors.js';

const HISTORY_DB_URL = process.env.MUTATION_HISTORY_DATABASE_URL;
const REPORT_BUCKET = process.env.MUTATION_REPORT_BUCKET ?? 'ci-mutation-reports';

/**
 * Stores every tested mutant in the mutation-history database so the
 * dashboard can show per-file trends, and uploads the final JSON report.
 *
 * Stryker instantiates a reporter once per `stryker run`; onMutantTested is
 * then called for every single mutant (thousands per run).
 */
export class MutationHistoryReporter implements Reporter {
  public static readonly inject = tokens(commonTokens.logger, commonTokens.options);

  private readonly runId = `${process.env.GITHUB_RUN_ID ?? 'local'}-${Date.now()}`;
  private readonly pending: Promise<unknown>[] = [];
  private readonly s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-west-1' });
  private readonly pool = new pg.Pool({ connectionString: HISTORY_DB_URL, max: 4 });

  constructor(
    private readonly log: Logger,
    private readonly options: StrykerOptions,
  ) {}

  public onMutantTested(result: Readonly<MutantResult>): void {
    this.pending.push(
      this.storeMutant(result).catch((err: unknown) => {
        this.log.warn(`mutation-history: could not store mutant ${result.id}: ${String(err)}`);
      }),
    );
  }

  private async storeMutant(result: Readonly<MutantResult>): Promise<void> {
    const client = new pg.Client({ connectionString: HISTORY_DB_URL, application_name: 'stryker-history' });
    await client.connect();
    try {
      await client.query(
        `INSERT INTO mutant_results (run_id, mutant_id, file_name, mutator, line, status, duration_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          this.runId,
          result.id,
          result.fileName,
          result.mutatorName,
          result.location.start.line,
          result.status,
          result.duration ?? null,
        ],
      );
    } finally {
      await client.end();
    }

    if (result.status === 'Survived') {
      await recordSurvivor(this.pool, this.runId, result);
    }
  }

  public onMutationTestReportReady(report: Readonly<schema.MutationTestResult>): void {
    const key = `${this.options.dashboard?.module ?? 'billing-core'}/${this.runId}/mutation.json`;
    this.pending.push(
      this.s3
        .send(
          new PutObjectCommand({
            Bucket: REPORT_BUCKET,
            Key: key,
            Body: JSON.stringify(report),
            ContentType: 'application/json',
          }),
        )
        .then(() => this.log.info(`mutation-history: report uploaded to s3://${REPORT_BUCKET}/${key}`)),
    );
  }

  public async wrapUp(): Promise<void> {
    await Promise.allSettled(this.pending);
    await this.pool.end();
    this.s3.destroy();
  }
}
