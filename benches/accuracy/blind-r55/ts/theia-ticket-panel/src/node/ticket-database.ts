import { injectable, postConstruct } from "@theia/core/shared/inversify";
import { BackendApplicationContribution } from "@theia/core/lib/node/backend-application";
import { Pool, PoolClient } from "pg";
import Redis from "ioredis";

/**
 * Owns the backend's connections to the helpdesk database and Redis.
 * Bound in singleton scope, so the Theia backend process builds it once and
 * every RPC connection shares it; closed when the backend stops.
 */
@injectable()
export class TicketDatabase implements BackendApplicationContribution {
  protected pool!: Pool;
  protected publisher!: Redis;
  protected subscriber!: Redis;

  @postConstruct()
  protected init(): void {
    this.pool = new Pool({
      connectionString: process.env.HELPDESK_DATABASE_URL ?? "postgres://theia@helpdesk-db:5432/helpdesk",
      max: 5,
      idleTimeoutMillis: 60_000,
    });
    const redisUrl = process.env.HELPDESK_REDIS_URL ?? "redis://helpdesk-redis:6379/2";
    this.publisher = new Redis(redisUrl);
    // A subscribed ioredis connection can't run other commands, hence a second one.
    this.subscriber = new Redis(redisUrl);
  }

  query<T extends object>(text: string, params: unknown[] = []) {
    return this.pool.query<T & Record<string, unknown>>(text, params);
  }

  async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (err) {
      await client.query("ROLLBACK");
      throw err;
    } finally {
      client.release();
    }
  }

  publish(channel: string, payload: unknown): Promise<number> {
    return this.publisher.publish(channel, JSON.stringify(payload));
  }

  async subscribe(channel: string, onMessage: (payload: unknown) => void): Promise<void> {
    await this.subscriber.subscribe(channel);
    this.subscriber.on("message", (ch, message) => {
      if (ch === channel) onMessage(JSON.parse(message));
    });
  }

  async onStop(): Promise<void> {
    this.subscriber.disconnect();
    await this.publisher.quit();
    await this.pool.end();
  }
}
