import { createHash } from 'node:crypto';
import type { AuthContext, Connection, ServerChannel } from 'ssh2';
import type pg from 'pg';
import type { Redis } from 'ioredis';

interface Shared {
  pool: pg.Pool;
  redis: Redis;
}

// One instance per SSH connection; its methods run per auth attempt / exec.
export class ConnectionHandler {
  private accountId: string | null = null;

  constructor(private readonly client: Connection, private readonly shared: Shared) {
    client.on('authentication', (ctx) => void this.onAuth(ctx));
    client.on('ready', () => this.onReady());
    client.on('error', (err) => console.warn('ssh client error', err.message));
  }

  private async onAuth(ctx: AuthContext): Promise<void> {
    if (ctx.method !== 'publickey') return ctx.reject(['publickey']);
    const fingerprint = createHash('sha256').update(ctx.key.data).digest('base64');
    const { rows } = await this.shared.pool.query<{ account_id: string }>(
      'SELECT account_id FROM ssh_keys WHERE fingerprint = $1 AND revoked_at IS NULL',
      [fingerprint],
    );
    if (rows.length === 0) return ctx.reject();
    this.accountId = rows[0].account_id;
    ctx.accept();
  }

  private onReady(): void {
    this.client.on('session', (accept) => {
      const session = accept();
      session.once('exec', (acceptExec, _reject, info) => {
        const stream = acceptExec();
        this.runCommand(info.command.trim(), stream)
          .catch((err) => stream.stderr.write(`error: ${(err as Error).message}\n`))
          .finally(() => {
            stream.exit(0);
            stream.end();
          });
      });
    });
  }

  private async runCommand(cmd: string, stream: ServerChannel): Promise<void> {
    const account = this.accountId!;
    if (cmd === 'quota') {
      const used = Number((await this.shared.redis.get(`quota:used:${account}`)) ?? 0);
      const { rows } = await this.shared.pool.query<{ limit_bytes: string }>(
        'SELECT limit_bytes FROM quotas WHERE account_id = $1',
        [account],
      );
      stream.write(`${used} / ${rows[0]?.limit_bytes ?? 'unlimited'} bytes\n`);
      return;
    }
    if (cmd.startsWith('reset-usage')) {
      const client = await this.shared.pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('INSERT INTO quota_resets (account_id, at) VALUES ($1, now())', [account]);
        await this.shared.redis.del(`quota:used:${account}`);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      } finally {
        client.release();
      }
      stream.write('usage reset\n');
      return;
    }
    stream.stderr.write(`unknown command: ${cmd}\n`);
  }
}
