import { sequelize, Document, DocumentField } from "../db";
import type { ExtractedField } from "./extract";

function parseTotal(fields: ExtractedField[]): number | null {
  const total = fields.find((f) => f.name === "TOTAL");
  if (!total) return null;
  const n = Number(total.value.replace(/[^0-9.,-]/g, "").replace(",", "."));
  return Number.isFinite(n) ? Math.round(n * 100) : null;
}

export async function storeResult(documentId: number, fields: ExtractedField[]) {
  const t = await sequelize.transaction();

  const doc = await Document.findByPk(documentId, { transaction: t, lock: t.LOCK.UPDATE });
  if (!doc) throw new Error(`document ${documentId} not found`);
  if (doc.status === "verified") {
    throw new Error(`document ${documentId} already verified, refusing to overwrite`);
  }

  await DocumentField.destroy({ where: { documentId }, transaction: t });
  await DocumentField.bulkCreate(
    fields.map((f) => ({ documentId, ...f })),
    { transaction: t },
  );
  doc.vendor = fields.find((f) => f.name === "VENDOR_NAME")?.value ?? null;
  doc.totalCents = parseTotal(fields);
  doc.status = "extracted";
  await doc.save({ transaction: t });
  await t.commit();
  return { documentId, fields: fields.length };
}

export async function markFailed(documentId: number, reason: string) {
  await sequelize.transaction(async (t) => {
    await Document.update({ status: "failed" }, { where: { id: documentId }, transaction: t });
    await sequelize.query(
      "INSERT INTO document_events (document_id, kind, detail) VALUES (:id, 'ocr_failed', :reason)",
      { replacements: { id: documentId, reason }, transaction: t },
    );
  });
  return { documentId, status: "failed" };
}
