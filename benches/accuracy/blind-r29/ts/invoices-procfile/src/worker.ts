import { Agent, request } from 'undici';
import { createSql, type Invoice } from './db.js';

// Worker process: one postgres.js instance and one keep-alive agent for the renderer service.
const sql = createSql('worker', 4);
const renderer = new Agent({ connections: 8, keepAliveTimeout: 30_000 });
const RENDER_URL = process.env.PDF_RENDERER_URL ?? 'http://pdf-renderer.internal:8080/render';

async function renderPdf(invoiceId: string): Promise<void> {
  const [inv] = await sql<Invoice[]>`
    SELECT id, customer_id, amount_cents, currency, status, pdf_url FROM invoices WHERE id = ${invoiceId}
  `;
  if (!inv || inv.status !== 'issued' || inv.pdf_url) return;

  const { statusCode, body } = await request(RENDER_URL, {
    method: 'POST',
    dispatcher: renderer,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ template: 'invoice', data: inv }),
  });
  if (statusCode !== 200) {
    await body.dump();
    throw new Error(`renderer returned ${statusCode} for ${invoiceId}`);
  }
  const { url } = (await body.json()) as { url: string };
  await sql`UPDATE invoices SET pdf_url = ${url} WHERE id = ${invoiceId} AND pdf_url IS NULL`;
}

// Catch up on anything issued while the worker was down, then follow notifications.
const backlog = await sql<{ id: string }[]>`
  SELECT id FROM invoices WHERE status = 'issued' AND pdf_url IS NULL ORDER BY issued_at LIMIT 500
`;
for (const { id } of backlog) await renderPdf(id).catch((e) => console.error(e));

// The callback runs once per NOTIFY; postgres.js keeps a single dedicated LISTEN connection.
await sql.listen(
  'invoice_issued',
  (payload) => {
    renderPdf(payload).catch((err) => console.error(`[worker] ${payload}`, err));
  },
  () => console.log('[worker] listening on invoice_issued'),
);

process.on('SIGTERM', async () => {
  await sql.end({ timeout: 5 });
  await renderer.close();
  process.exit(0);
});
