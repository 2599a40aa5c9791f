import { Provide, Scope, ScopeEnum, Init, Destroy, Config } from '@midwayjs/core';
import { Pool } from 'undici';

export interface Profile {
  id: string;
  displayName: string;
  avatarUrl: string;
}

@Provide()
@Scope(ScopeEnum.Singleton)
export class ProfileClient {
  @Config('profileApi')
  cfg: { origin: string; connections: number };

  private pool: Pool;

  @Init()
  init() {
    this.pool = new Pool(this.cfg.origin, { connections: this.cfg.connections, keepAliveTimeout: 30_000 });
  }

  async many(ids: string[]): Promise<Profile[]> {
    if (ids.length === 0) return [];
    const { statusCode, body } = await this.pool.request({
      method: 'GET',
      path: `/v1/profiles?ids=${encodeURIComponent(ids.join(','))}`,
      headers: { accept: 'application/json' },
    });
    if (statusCode !== 200) {
      await body.dump();
      throw new Error(`profile api returned ${statusCode}`);
    }
    return (await body.json()) as Profile[];
  }

  @Destroy()
  async close() {
    await this.pool.close();
  }
}
