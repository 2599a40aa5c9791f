import type { Knex } from 'knex';
import type Redis from 'ioredis';

export interface HostRow {
  hostname: string;
  owner: string;
  os: string | null;
  facts: Record<string, unknown> | null;
  facts_updated_at: Date | null;
}

export class HostInventoryStore {
  constructor(
    private readonly knex: Knex,
    private readonly redis: Redis,
  ) {}

  async listHosts(owner?: string): Promise<HostRow[]> {
    const query = this.knex<HostRow>('hosts').select('*').orderBy('hostname');
    return owner ? query.where({ owner }) : query;
  }

  async getHost(hostname: string): Promise<HostRow | undefined> {
    const cached = await this.redis.get(`host:${hostname}`);
    if (cached) {
      return JSON.parse(cached) as HostRow;
    }
    const row = await this.knex<HostRow>('hosts').where({ hostname }).first();
    if (row) {
      await this.redis.set(`host:${hostname}`, JSON.stringify(row), 'EX', 120);
    }
    return row;
  }

  async claimHost(hostname: string, owner: string): Promise<boolean> {
    return this.knex.transaction(async (trx) => {
      const host = await trx<HostRow>('hosts').where({ hostname }).forUpdate().first();
      if (!host) {
        return false;
      }
      await trx('hosts').where({ hostname }).update({ owner });
      await trx('host_audit').insert({ hostname, action: 'claim', actor: owner });
      await this.redis.del(`host:${hostname}`);
      return true;
    });
  }

  async refreshStaleHosts(factsEndpoint: string): Promise<number> {
    const stale = await this.knex<HostRow>('hosts')
      .where('facts_updated_at', '<', this.knex.raw("now() - interval '1 hour'"))
      .orWhereNull('facts_updated_at')
      .limit(200)
      .pluck('hostname');
    for (const hostname of stale) {
      const res = await fetch(`${factsEndpoint}/${encodeURIComponent(hostname)}`);
      if (!res.ok) continue;
      const facts = (await res.json()) as Record<string, unknown>;
      await this.knex('hosts')
        .where({ hostname })
        .update({ facts: JSON.stringify(facts), os: String(facts.os ?? ''), facts_updated_at: this.knex.fn.now() });
      await this.redis.del(`host:${hostname}`);
    }
    return stale.length;
  }
}
