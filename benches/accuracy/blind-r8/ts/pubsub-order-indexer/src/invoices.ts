import { Storage, Bucket } from '@google-cloud/storage';

const storage = new Storage();
const buckets = new Map<string, Bucket>();

function bucketFor(region: string): Bucket {
  let b = buckets.get(region);
  if (!b) {
    b = storage.bucket(`${process.env.INVOICE_BUCKET_PREFIX ?? 'acme-invoices'}-${region}`);
    buckets.set(region, b);
  }
  return b;
}

export async function archiveInvoice(region: string, orderId: string, pdf: Buffer): Promise<string> {
  const path = `orders/${orderId}.pdf`;
  await bucketFor(region).file(path).save(pdf, { contentType: 'application/pdf', resumable: false });
  return `gs://${bucketFor(region).name}/${path}`;
}
