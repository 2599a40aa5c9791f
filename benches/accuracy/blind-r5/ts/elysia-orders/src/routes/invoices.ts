import { Elysia, t } from 'elysia'
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { getSignedUrl } from '@aws-sdk/s3-request-presigner'

const BUCKET = process.env.INVOICE_BUCKET ?? 'acme-invoices'

export const invoicesRoutes = new Elysia({ prefix: '/invoices' }).get(
  '/:orderId/download',
  async ({ params }) => {
    const s3 = new S3Client({ region: process.env.AWS_REGION ?? 'eu-west-1' })
    const url = await getSignedUrl(
      s3,
      new GetObjectCommand({ Bucket: BUCKET, Key: `invoices/${params.orderId}.pdf` }),
      { expiresIn: 300 },
    )
    return { url, expiresIn: 300 }
  },
  { params: t.Object({ orderId: t.String() }) },
)
