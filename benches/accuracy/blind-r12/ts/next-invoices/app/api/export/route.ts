import { NextResponse } from "next/server";
import { GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { prisma } from "@/lib/prisma";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const { searchParams } = new URL(request.url);
  const status = searchParams.get("status") ?? undefined;

  const invoices = await prisma.invoice.findMany({
    where: status ? { status } : undefined,
    orderBy: { createdAt: "desc" },
  });
  const csv = [
    "number,customer,amount,status,due",
    ...invoices.map((i) => `${i.number},${i.customerId},${(i.amount / 100).toFixed(2)},${i.status},${i.dueDate.toISOString()}`),
  ].join("\n");

  const s3 = new S3Client({ region: process.env.AWS_REGION });
  const key = `exports/invoices-${Date.now()}.csv`;
  await s3.send(new PutObjectCommand({ Bucket: process.env.EXPORT_BUCKET, Key: key, Body: csv, ContentType: "text/csv" }));
  const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: process.env.EXPORT_BUCKET, Key: key }), { expiresIn: 900 });

  return NextResponse.json({ url });
}
