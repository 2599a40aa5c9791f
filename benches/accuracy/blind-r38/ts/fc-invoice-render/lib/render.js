'use strict';

const PDFDocument = require('pdfkit');

function renderInvoicePdf(invoice, lines) {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 48 });
    const chunks = [];
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);

    doc.fontSize(18).text(`Invoice ${invoice.number}`);
    doc.moveDown().fontSize(10).text(`Issued: ${new Date(invoice.issued_at).toDateString()}`);
    doc.moveDown();
    for (const line of lines) {
      doc.text(`${line.quantity} x ${line.description}`, { continued: true });
      doc.text(`  ${(line.amount_cents / 100).toFixed(2)} ${invoice.currency}`, { align: 'right' });
    }
    doc.moveDown().fontSize(12).text(`Total: ${(invoice.total_cents / 100).toFixed(2)} ${invoice.currency}`);
    doc.end();
  });
}

module.exports = { renderInvoicePdf };
