import type { IncomingMessage } from 'node:http';
import type { Request } from 'graphql-http';
import type { RequestContext } from 'graphql-http/lib/use/http';
import type { DatabasePool } from 'slonik';
import type { MeiliSearch } from 'meilisearch';
import { createLoaders, type Loaders } from './loaders';

export interface Deps {
  pool: DatabasePool;
  search: MeiliSearch;
}

export interface Context extends Deps {
  memberId: number | null;
  loaders: Loaders;
}

/** graphql-http calls this once per HTTP request. */
export function buildContext(req: Request<IncomingMessage, RequestContext>, deps: Deps): Context {
  const raw = req.raw.headers['x-member-id'];
  return {
    ...deps,
    memberId: typeof raw === 'string' ? Number(raw) : null,
    loaders: createLoaders(deps.pool),
  };
}
