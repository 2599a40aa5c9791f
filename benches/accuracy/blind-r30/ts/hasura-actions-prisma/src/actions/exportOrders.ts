import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { prisma } from "../lib/prisma";

export async function exportOrders(
  input: { customerId: string },
  session: Record<string, string>,
): Promise<{ key: string; count: number }> {
  const orders = await prisma.order.findMany({
    where: { customerId: input.customerId },
    orderBy: { createdAt: "desc" },
  });
  const csv = [
    "id,total_cents,status,created_at",
    ...orders.map((o) => `${o.id},${o.totalCents},${o.status},${o.createdAt.toISOString()}`),
  ].join("\n");

  const s3 = new S3Client({ region: process.env.AWS_REGION ?? "us-east-1" });
  const key = `exports/${input.customerId}/${Date.now()}.csv`;
  await s3.send(
    new PutObjectCommand({
      Bucket: process.env.EXPORT_BUCKET!,
      Key: key,
      Body: csv,
      ContentType: "text/csv",
      Metadata: { requestedBy: session["x-hasura-user-id"] ?? "unknown" },
    }),
  );
  return { key, count: orders.length };
}
