import { S3Client, PutObjectCommand } from "@aws-sdk/client-s3";
import { withTx } from "../lib/db";

interface ArchiveRequest {
  statementId: string;
}

function statementStore(): S3Client {
  return new S3Client({
    region: process.env.AWS_REGION ?? "eu-central-1",
    maxAttempts: 5,
  });
}

export async function archiveStatement(body: Record<string, unknown>): Promise<void> {
  const { statementId } = body as unknown as ArchiveRequest;

  const statement = await withTx(async (client) => {
    const { rows } = await client.query(
      "select id, account_id, rendered_pdf from statements where id = $1 for update",
      [statementId],
    );
    await client.query("update statements set archived_at = now() where id = $1", [statementId]);
    return rows[0];
  });

  const s3 = statementStore();
  await s3.send(
    new PutObjectCommand({
      Bucket: process.env.STATEMENT_BUCKET!,
      Key: `${statement.account_id}/${statement.id}.pdf`,
      Body: statement.rendered_pdf,
      ContentType: "application/pdf",
    }),
  );
}
