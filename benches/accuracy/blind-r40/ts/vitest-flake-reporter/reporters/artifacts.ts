import { S3Client, PutObjectCommand } from "@aws-sdk/client-s3";

export interface RunSummary {
  project: string;
  runId: string;
  passed: number;
  failed: number;
  flaky: string[];
}

export async function uploadSummary(summary: RunSummary): Promise<void> {
  const s3 = new S3Client({ region: process.env.AWS_REGION ?? "eu-west-1" });
  await s3.send(
    new PutObjectCommand({
      Bucket: process.env.TEST_ARTIFACTS_BUCKET ?? "ci-test-artifacts",
      Key: `${summary.project}/runs/${summary.runId}.json`,
      Body: JSON.stringify(summary),
      ContentType: "application/json",
    }),
  );
}
