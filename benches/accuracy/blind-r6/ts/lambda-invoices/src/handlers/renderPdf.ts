import type { SQSBatchResponse, SQSHandler } from 'aws-lambda';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { ddb, INVOICE_TABLE, PDF_BUCKET, s3 } from '../clients';

interface RenderRequest {
  customerId: string;
  invoiceId: string;
}

function renderInvoice(invoice: Record<string, unknown>): Buffer {
  // the real template engine is out of scope here; plain text keeps the handler honest
  return Buffer.from(`INVOICE ${invoice.sk}\nTOTAL ${invoice.total}\n`, 'utf8');
}

export const handler: SQSHandler = async (event) => {
  const failures: SQSBatchResponse['batchItemFailures'] = [];

  for (const record of event.Records) {
    try {
      const req = JSON.parse(record.body) as RenderRequest;
      const key = { pk: `CUSTOMER#${req.customerId}`, sk: `INVOICE#${req.invoiceId}` };
      const { Item } = await ddb.send(new GetCommand({ TableName: INVOICE_TABLE, Key: key }));
      if (!Item) continue;

      const objectKey = `invoices/${req.customerId}/${req.invoiceId}.pdf`;
      await s3.send(
        new PutObjectCommand({ Bucket: PDF_BUCKET, Key: objectKey, Body: renderInvoice(Item), ContentType: 'application/pdf' }),
      );
      await ddb.send(
        new UpdateCommand({
          TableName: INVOICE_TABLE,
          Key: key,
          UpdateExpression: 'SET pdfKey = :k',
          ExpressionAttributeValues: { ':k': objectKey },
        }),
      );
    } catch (err) {
      console.error('render failed', record.messageId, err);
      failures.push({ itemIdentifier: record.messageId });
    }
  }

  return { batchItemFailures: failures };
};
