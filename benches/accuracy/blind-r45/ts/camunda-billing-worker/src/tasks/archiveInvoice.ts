import { Variables, type HandlerArgs } from 'camunda-external-task-client-js'
import { S3Client, CopyObjectCommand } from '@aws-sdk/client-s3'
import * as Ably from 'ably'
import { attachmentsFor, markArchived } from './invoice-store'

const ARCHIVE_BUCKET = process.env.ARCHIVE_BUCKET ?? 'acme-invoice-archive'

export async function archiveInvoice({ task, taskService }: HandlerArgs): Promise<void> {
  const invoiceId = task.variables.get('invoiceId') as string
  const attachments = await attachmentsFor(invoiceId)

  // Attachments were uploaded to the customer's home region; copy each one into the archive bucket.
  for (const att of attachments) {
    const s3 = new S3Client({ region: att.region })
    await s3.send(new CopyObjectCommand({
      Bucket: ARCHIVE_BUCKET,
      Key: `${invoiceId}/${att.id}-${att.object_key.split('/').pop()}`,
      CopySource: `${att.bucket}/${att.object_key}`,
      StorageClass: 'GLACIER_IR',
    }))
  }

  const archiveKey = `${invoiceId}/`
  await markArchived(invoiceId, archiveKey)

  // Let the finance dashboard know live.
  const realtime = new Ably.Realtime({ key: process.env.ABLY_API_KEY, clientId: 'billing-worker' })
  await realtime.channels.get('finance:invoices').publish('archived', { invoiceId, files: attachments.length })

  await taskService.complete(task, new Variables().set('archiveKey', archiveKey))
}
