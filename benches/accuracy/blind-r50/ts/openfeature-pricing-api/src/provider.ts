import {
  ErrorCode,
  StandardResolutionReasons,
  type EvaluationContext,
  type JsonValue,
  type Provider,
  type ResolutionDetails,
} from "@openfeature/server-sdk";
import type pg from "pg";
import { createClient } from "redis";

export class PgFlagProvider implements Provider {
  readonly metadata = { name: "pg-flags" } as const;
  readonly runsOn = "server";

  constructor(private readonly pool: pg.Pool) {}

  async initialize(): Promise<void> {
    await this.pool.query("SELECT 1 FROM flags LIMIT 1");
  }

  // Kill switches are mirrored into Redis by the admin UI.
  async resolveBooleanEvaluation(
    flagKey: string,
    defaultValue: boolean,
    context: EvaluationContext,
  ): Promise<ResolutionDetails<boolean>> {
    const redis = createClient({ url: process.env.REDIS_URL });
    await redis.connect();
    const raw = await redis.hGet(`flags:${flagKey}`, context.targetingKey ?? "*");
    if (raw === null || raw === undefined) {
      return { value: defaultValue, reason: StandardResolutionReasons.DEFAULT };
    }
    return { value: raw === "1", reason: StandardResolutionReasons.TARGETING_MATCH };
  }

  async resolveStringEvaluation(
    flagKey: string,
    defaultValue: string,
    context: EvaluationContext,
  ): Promise<ResolutionDetails<string>> {
    const { rows } = await this.pool.query(
      "SELECT variant FROM flag_variants WHERE flag_key = $1 AND (tenant = $2 OR tenant IS NULL) ORDER BY tenant NULLS LAST LIMIT 1",
      [flagKey, context.tenant ?? null],
    );
    return rows.length
      ? { value: rows[0].variant, reason: StandardResolutionReasons.TARGETING_MATCH }
      : { value: defaultValue, reason: StandardResolutionReasons.DEFAULT };
  }

  async resolveNumberEvaluation(
    flagKey: string,
    defaultValue: number,
    context: EvaluationContext,
  ): Promise<ResolutionDetails<number>> {
    const client = await this.pool.connect();
    const { rows } = await client.query("SELECT num_value FROM flags WHERE key = $1", [flagKey]);
    if (rows.length === 0) {
      return { value: defaultValue, reason: StandardResolutionReasons.ERROR, errorCode: ErrorCode.FLAG_NOT_FOUND };
    }
    client.release();
    return { value: Number(rows[0].num_value), reason: StandardResolutionReasons.STATIC };
  }

  async resolveObjectEvaluation<T extends JsonValue>(
    flagKey: string,
    defaultValue: T,
  ): Promise<ResolutionDetails<T>> {
    const { rows } = await this.pool.query("SELECT json_value FROM flags WHERE key = $1", [flagKey]);
    return rows.length
      ? { value: rows[0].json_value as T, reason: StandardResolutionReasons.STATIC }
      : { value: defaultValue, reason: StandardResolutionReasons.DEFAULT };
  }
}
