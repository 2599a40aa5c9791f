import { queue } from 'async';
import PDFDocument from 'pdfkit';
import type pg from 'pg';
import { createPool } from './lib/db.js';

interface RenderJob {
  id: number;
  invoice_no: string;
  payload: { customer: string; lines: { text: string; cents: number }[] };
}

function renderPdf(job: RenderJob): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.fontSize(18).text(`Invoice ${job.invoice_no}`).moveDown().fontSize(11).text(job.payload.customer);
    for (const l of job.payload.lines) doc.text(`${l.text}  ${(l.cents / 100).toFixed(2)}`);
    doc.end();
  });
}

function makeRenderer(pool: pg.Pool) {
  return async (job: RenderJob): Promise<void> => {
    const pdf = await renderPdf(job);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('INSERT INTO invoice_pdfs (invoice_no, pdf) VALUES ($1, $2) ON CONFLICT (invoice_no) DO UPDATE SET pdf = EXCLUDED.pdf', [
        job.invoice_no,
        pdf,
      ]);
      await client.query(`UPDATE render_jobs SET status = 'done', finished_at = now() WHERE id = $1`, [job.id]);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    } finally {
      client.release();
    }
  };
}

async function main(): Promise<void> {
  const pool = await createPool('worker');
  const q = queue<RenderJob>(makeRenderer(pool), 4);
  q.error((err, job) => {
    void pool.query(`UPDATE render_jobs SET status = 'failed', last_error = $2 WHERE id = $1`, [job.id, String(err)]);
  });

  let running = true;
  process.once('SIGTERM', () => {
    running = false;
  });

  while (running) {
    if (q.length() < 8) {
      const { rows } = await pool.query<RenderJob>(
        `UPDATE render_jobs SET status = 'rendering', attempts = attempts + 1
          WHERE id IN (SELECT id FROM render_jobs WHERE status = 'queued' ORDER BY created_at LIMIT 16 FOR UPDATE SKIP LOCKED)
          RETURNING id, invoice_no, payload`,
      );
      for (const job of rows) q.push(job);
    }
    await new Promise((r) => setTimeout(r, 2_000));
  }

  if (!q.idle()) await q.drain();
  await pool.end();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
