'use strict';

const mysql = require('mysql2/promise');
const OSS = require('ali-oss');
const { renderInvoicePdf } = require('./lib/render');

// Built once per function instance in the initializer, reused by every invocation
// that instance serves, and closed in preStop before the instance is reclaimed.
let pool;
let oss;

exports.initializer = (context, callback) => {
  pool = mysql.createPool({
    host: process.env.RDS_HOST,
    user: process.env.RDS_USER,
    password: process.env.RDS_PASSWORD,
    database: process.env.RDS_DATABASE,
    connectionLimit: 2,
  });
  oss = new OSS({
    region: process.env.OSS_REGION,
    bucket: process.env.OSS_BUCKET,
    accessKeyId: context.credentials.accessKeyId,
    accessKeySecret: context.credentials.accessKeySecret,
    stsToken: context.credentials.securityToken,
    secure: true,
  });
  callback(null, 'initialized');
};

exports.handler = async (event, context) => {
  const message = JSON.parse(event.toString());
  const { invoiceId } = JSON.parse(message.Message ?? '{}');
  if (!invoiceId) return { skipped: true };

  const conn = await pool.getConnection();
  let invoice;
  let lines;
  try {
    const [[row]] = await conn.query('SELECT * FROM invoices WHERE id = ?', [invoiceId]);
    invoice = row;
    [lines] = await conn.query('SELECT * FROM invoice_lines WHERE invoice_id = ? ORDER BY position', [invoiceId]);
  } finally {
    conn.release();
  }
  if (!invoice) {
    context.logger.warn(`invoice ${invoiceId} not found`);
    return { skipped: true };
  }

  const pdf = await renderInvoicePdf(invoice, lines);
  const key = `invoices/${invoice.customer_id}/${invoice.number}.pdf`;
  await oss.put(key, pdf, { mime: 'application/pdf' });
  await pool.query('UPDATE invoices SET pdf_key = ?, rendered_at = NOW() WHERE id = ?', [key, invoiceId]);

  context.logger.info(`rendered ${invoice.number} -> ${key}`);
  return { key };
};

exports.preStop = (context, callback) => {
  pool.end().then(() => callback(null, ''), (err) => callback(err));
};
