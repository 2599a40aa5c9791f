import { AnalyzeExpenseCommand, TextractClient } from "@aws-sdk/client-textract";

export type ExtractedField = { name: string; value: string; confidence: number };

export async function extractInvoice(bucket: string, key: string): Promise<ExtractedField[]> {
  const textract = new TextractClient({ region: process.env.AWS_REGION ?? "eu-west-1" });
  const out = await textract.send(
    new AnalyzeExpenseCommand({ Document: { S3Object: { Bucket: bucket, Name: key } } }),
  );

  const fields: ExtractedField[] = [];
  for (const doc of out.ExpenseDocuments ?? []) {
    for (const f of doc.SummaryFields ?? []) {
      if (!f.Type?.Text || !f.ValueDetection?.Text) continue;
      fields.push({
        name: f.Type.Text,
        value: f.ValueDetection.Text,
        confidence: f.ValueDetection.Confidence ?? 0,
      });
    }
  }
  return fields;
}
