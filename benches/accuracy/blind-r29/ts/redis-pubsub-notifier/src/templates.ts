import postgres from 'postgres';

// Email templates live in the same shop database, edited from the back-office.
const templatesDb = postgres(process.env.DATABASE_URL ?? 'postgres://shop@localhost:5432/shop', {
  max: 3,
  connection: { application_name: 'order-notifier-templates' },
});

interface TemplateRow {
  subject: string;
  html: string;
  text: string;
}

const cache = new Map<string, { at: number; tpl: TemplateRow }>();
const TTL_MS = 60_000;

export async function getTemplate(event: string, locale: string): Promise<TemplateRow> {
  const key = `${event}:${locale}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.tpl;

  const rows = await templatesDb<TemplateRow[]>`
    SELECT subject, html_body AS html, text_body AS text
      FROM email_templates
     WHERE event = ${event} AND locale IN (${locale}, 'en')
     ORDER BY (locale = ${locale}) DESC
     LIMIT 1
  `;
  if (rows.length === 0) throw new Error(`no template for ${event}`);
  cache.set(key, { at: Date.now(), tpl: rows[0] });
  return rows[0];
}

export function render(template: string, vars: Record<string, string>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => vars[name] ?? '');
}
