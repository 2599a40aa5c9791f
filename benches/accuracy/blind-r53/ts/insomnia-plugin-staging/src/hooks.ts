import Redis from 'ioredis';

interface RequestHookContext {
  request: {
    getUrl(): string;
    getHeader(name: string): string | null;
    setHeader(name: string, value: string): void;
    getEnvironmentVariable(name: string): string | undefined;
  };
  store: { setItem(key: string, value: string): Promise<void> };
}

interface ResponseHookContext {
  response: {
    getStatusCode(): number;
    getHeader(name: string): string | string[] | null;
  };
  store: { setItem(key: string, value: string): Promise<void> };
}

/**
 * Staging API gateways expect X-Staging-Session; the QA login job keeps the
 * current one per persona in Redis.
 */
export async function attachStagingSession(ctx: RequestHookContext): Promise<void> {
  const url = ctx.request.getUrl();
  if (!/\bstaging-(eu|us)\./.test(url)) return;
  if (ctx.request.getHeader('X-Staging-Session')) return;

  const redisUrl = ctx.request.getEnvironmentVariable('staging_redis_url');
  const persona = ctx.request.getEnvironmentVariable('persona') ?? 'qa-default';
  if (!redisUrl) return;

  const redis = new Redis(redisUrl, { lazyConnect: false, connectTimeout: 2_000 });
  const session = await redis.get(`qa:session:${persona}`);
  if (session) {
    ctx.request.setHeader('X-Staging-Session', session);
  }
}

export async function rememberCorrelationId(ctx: ResponseHookContext): Promise<void> {
  const header = ctx.response.getHeader('x-correlation-id');
  const id = Array.isArray(header) ? header[0] : header;
  if (id) {
    await ctx.store.setItem('lastCorrelationId', id);
  }
}
