import type { APIGatewayProxyHandlerV2 } from 'aws-lambda';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { PDF_BUCKET, s3 } from '../clients';

export const handler: APIGatewayProxyHandlerV2 = async (event) => {
  const customerId = event.pathParameters?.customerId;
  const invoiceId = event.pathParameters?.invoiceId;
  if (!customerId || !invoiceId) return { statusCode: 400, body: 'missing path parameters' };

  const url = await getSignedUrl(
    s3,
    new GetObjectCommand({ Bucket: PDF_BUCKET, Key: `invoices/${customerId}/${invoiceId}.pdf` }),
    { expiresIn: 300 },
  );
  return { statusCode: 200, body: JSON.stringify({ url }) };
};
