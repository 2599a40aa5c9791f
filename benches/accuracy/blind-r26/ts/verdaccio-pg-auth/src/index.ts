import bcrypt from 'bcryptjs';
import { Client, Pool } from 'pg';
import type { Application } from 'express';
import type {
  AccessCallback,
  AuthCallback,
  Config,
  IBasicAuth,
  IPluginAuth,
  IPluginMiddleware,
  IStorageManager,
  Logger,
  PackageAccess,
  PluginOptions,
  RemoteUser,
} from '@verdaccio/types';
import { registerDownloadRoutes } from './downloads';

export interface PgAuthConfig extends Config {
  database_url: string;
  redis_url: string;
  team_prefix?: string;
}

export default class PgAuthPlugin
  implements IPluginAuth<PgAuthConfig>, IPluginMiddleware<PgAuthConfig>
{
  private readonly logger: Logger;
  private readonly pool: Pool;

  // Verdaccio instantiates the plugin once when it loads config.yaml.
  public constructor(private readonly config: PgAuthConfig, options: PluginOptions<PgAuthConfig>) {
    this.logger = options.logger;
    this.pool = new Pool({ connectionString: config.database_url, max: 8 });
  }

  // Called for every `npm login` and every request carrying basic auth.
  public authenticate(user: string, password: string, cb: AuthCallback): void {
    this.checkPassword(user, password)
      .then((groups) => cb(null, groups))
      .catch((err) => {
        this.logger.warn({ user, err: err.message }, 'pg-auth: login failed for @{user}: @{err}');
        cb(null, false);
      });
  }

  private async checkPassword(user: string, password: string): Promise<string[] | false> {
    // Ported from the old LDAP plugin: one directory connection per login.
    const directory = new Client({ connectionString: this.config.database_url });
    await directory.connect();
    try {
      const { rows } = await directory.query<{ password_hash: string; teams: string[] }>(
        'SELECT password_hash, teams FROM registry_users WHERE login = $1 AND disabled = false',
        [user],
      );
      if (rows.length === 0) return false;
      const ok = await bcrypt.compare(password, rows[0].password_hash);
      if (!ok) return false;
      const prefix = this.config.team_prefix ?? 'team-';
      return rows[0].teams.map((t) => `${prefix}${t}`);
    } finally {
      await directory.end();
    }
  }

  public allow_access(user: RemoteUser, pkg: PackageAccess & { name?: string }, cb: AccessCallback): void {
    const scope = pkg.name?.startsWith('@') ? pkg.name.split('/')[0] : null;
    if (!scope) {
      cb(null, true);
      return;
    }
    this.pool
      .query<{ team: string }>('SELECT team FROM scope_owners WHERE scope = $1', [scope])
      .then(({ rows }) => {
        const allowed = rows.some((r) => user.groups.includes(`${this.config.team_prefix ?? 'team-'}${r.team}`));
        cb(null, allowed);
      })
      .catch((err) => cb(err, false));
  }

  public allow_publish(user: RemoteUser, pkg: PackageAccess, cb: AccessCallback): void {
    this.allow_access(user, pkg, cb);
  }

  public register_middlewares(
    app: Application,
    _auth: IBasicAuth<PgAuthConfig>,
    _storage: IStorageManager<PgAuthConfig>,
  ): void {
    registerDownloadRoutes(app, this.pool, this.config.redis_url, this.logger);
  }
}
