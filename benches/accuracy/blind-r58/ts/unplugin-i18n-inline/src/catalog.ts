import type pg from 'pg';

export interface Translation {
  key: string;
  value: string;
}

export const CALL_RE = /\bt\(\s*(['"])([\w.-]+)\1\s*\)/g;

export function collectKeys(code: string): Map<string, Array<{ start: number; end: number }>> {
  const found = new Map<string, Array<{ start: number; end: number }>>();
  for (const match of code.matchAll(CALL_RE)) {
    const key = match[2];
    const start = match.index ?? 0;
    const spans = found.get(key) ?? [];
    spans.push({ start, end: start + match[0].length });
    found.set(key, spans);
  }
  return found;
}

export async function fetchTranslations(
  client: pg.Client,
  project: string,
  locale: string,
  keys: string[],
): Promise<Map<string, string>> {
  const { rows } = await client.query<Translation>(
    `select t.key, coalesce(t.value, fb.value) as value
       from translations fb
       left join translations t
         on t.key = fb.key and t.project = fb.project and t.locale = $2
      where fb.project = $1 and fb.locale = 'en' and fb.key = any($3::text[])`,
    [project, locale, keys],
  );
  return new Map(rows.map((r) => [r.key, r.value]));
}

export function escapeForJs(value: string): string {
  return JSON.stringify(value);
}
