import type cassandra from 'cassandra-driver';
import type { IKeyValue } from 'etcd3';

const UPSERT = `INSERT INTO flags_by_env (env, name, value, revision, updated_at) VALUES (?, ?, ?, ?, toTimestamp(now()))`;
const REMOVE = `DELETE FROM flags_by_env WHERE env = ? AND name = ?`;

function parseKey(kv: IKeyValue): { env: string; name: string } | null {
  // flags/<env>/<name>
  const parts = kv.key.toString().split('/');
  if (parts.length !== 3 || parts[0] !== 'flags') return null;
  return { env: parts[1], name: parts[2] };
}

export function makeFlagHandlers(deps: { cassandra: cassandra.Client }) {
  const { cassandra: db } = deps;

  return {
    async onPut(kv: IKeyValue): Promise<void> {
      const key = parseKey(kv);
      if (!key) return;
      await db.execute(UPSERT, [key.env, key.name, kv.value.toString(), kv.mod_revision], { prepare: true });
    },

    async onDelete(kv: IKeyValue): Promise<void> {
      const key = parseKey(kv);
      if (!key) return;
      await db.execute(REMOVE, [key.env, key.name], { prepare: true });
    },
  };
}
