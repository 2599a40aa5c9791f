import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3'
import type { Driver } from 'neo4j-driver'

export async function exportPartTree(driver: Driver, s3: S3Client, bucket: string, partNumber: string): Promise<string> {
  const session = driver.session({ database: 'supply' })
  let rows: Array<Record<string, unknown>>
  try {
    const result = await session.run(
      `MATCH path = (p:Part {number: $partNumber})<-[:SUPPLIES*1..4]-(s:Supplier)
       RETURN [n IN nodes(path) | coalesce(n.number, n.name)] AS chain`,
      { partNumber },
    )
    rows = result.records.map((r) => ({ chain: r.get('chain') }))
  } finally {
    await session.close()
  }

  const key = `exports/part-trees/${partNumber}-${Date.now()}.json`
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: JSON.stringify(rows, null, 2),
      ContentType: 'application/json',
    }),
  )
  return `s3://${bucket}/${key}`
}
