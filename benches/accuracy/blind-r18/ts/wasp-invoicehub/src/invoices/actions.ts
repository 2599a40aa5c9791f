import { PutObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { HttpError } from "wasp/server";
import type { CreateInvoice, GetAttachmentUploadUrl } from "wasp/server/operations";
import type { Invoice } from "wasp/entities";
import { ATTACHMENT_BUCKET, s3 } from "../server/s3";
import { searchClientFor } from "../server/search";
import { getRedis } from "../server/redis";

type CreateInvoiceInput = { customerName: string; totalCents: number; currency: string };

export const createInvoice: CreateInvoice<CreateInvoiceInput, Invoice> = async (args, context) => {
  if (!context.user?.organizationId) throw new HttpError(401);
  const orgId = context.user.organizationId;

  const seq = await getRedis().incr(`invoice-seq:${orgId}`);
  const invoice = await context.entities.Invoice.create({
    data: {
      number: `INV-${new Date().getFullYear()}-${String(seq).padStart(5, "0")}`,
      organizationId: orgId,
      customerName: args.customerName,
      totalCents: args.totalCents,
      currency: args.currency,
    },
  });

  const org = await context.entities.Organization.findUniqueOrThrow({ where: { id: orgId } });
  await searchClientFor(org)
    .collections("invoices")
    .documents()
    .upsert({ id: String(invoice.id), number: invoice.number, customerName: invoice.customerName });

  return invoice;
};

export const getAttachmentUploadUrl: GetAttachmentUploadUrl<{ invoiceId: number; fileName: string }, { url: string; key: string }> =
  async ({ invoiceId, fileName }, context) => {
    if (!context.user?.organizationId) throw new HttpError(401);
    const invoice = await context.entities.Invoice.findFirst({
      where: { id: invoiceId, organizationId: context.user.organizationId },
    });
    if (!invoice) throw new HttpError(404);

    const key = `${invoice.organizationId}/${invoice.id}/${encodeURIComponent(fileName)}`;
    const url = await getSignedUrl(s3, new PutObjectCommand({ Bucket: ATTACHMENT_BUCKET, Key: key }), { expiresIn: 600 });
    await context.entities.Invoice.update({ where: { id: invoice.id }, data: { attachmentKey: key } });
    return { url, key };
  };
