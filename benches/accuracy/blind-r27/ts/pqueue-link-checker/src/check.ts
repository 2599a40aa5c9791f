import type pg from 'pg';
import { poolFor } from './origins.js';

export interface LinkRow {
  id: number;
  article_id: number;
  url: string;
}

export interface CheckResult {
  status: number | null;
  error: string | null;
  redirectedTo: string | null;
  ms: number;
}

export async function probe(url: URL): Promise<CheckResult> {
  const started = performance.now();
  try {
    let { statusCode, headers, body } = await poolFor(url.origin).request({
      method: 'HEAD',
      path: `${url.pathname}${url.search}`,
      headers: { 'user-agent': 'HelpCenterLinkChecker/1.3 (+https://help.example.com/bot)' },
    });
    await body.dump();

    // Some servers reject HEAD; fall back to a ranged GET.
    if (statusCode === 405 || statusCode === 501) {
      ({ statusCode, headers, body } = await poolFor(url.origin).request({
        method: 'GET',
        path: `${url.pathname}${url.search}`,
        headers: { range: 'bytes=0-0' },
      }));
      await body.dump();
    }

    const location = headers.location;
    return {
      status: statusCode,
      error: null,
      redirectedTo: typeof location === 'string' ? new URL(location, url).toString() : null,
      ms: Math.round(performance.now() - started),
    };
  } catch (err) {
    return { status: null, error: (err as Error).message, redirectedTo: null, ms: Math.round(performance.now() - started) };
  }
}

export async function checkLink(pool: pg.Pool, link: LinkRow): Promise<void> {
  let url: URL;
  try {
    url = new URL(link.url);
  } catch {
    await pool.query("UPDATE article_links SET state = 'invalid', checked_at = now() WHERE id = $1", [link.id]);
    return;
  }

  const result = await probe(url);
  const broken = result.status === null || result.status >= 400;
  await pool.query(
    `UPDATE article_links
        SET state = $2, last_status = $3, last_error = $4, redirected_to = $5, latency_ms = $6,
            checked_at = now(), claimed_until = NULL
      WHERE id = $1`,
    [link.id, broken ? 'broken' : 'ok', result.status, result.error, result.redirectedTo, result.ms],
  );
}
