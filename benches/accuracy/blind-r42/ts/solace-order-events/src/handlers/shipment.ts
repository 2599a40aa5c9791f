import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb'
import { markShipped } from '../store/orders.js'
import { recordEvent } from '../store/audit.js'

type Dispatched = {
  orderId: string
  carrier: string
  trackingNumber: string
  region: string
  eta: string
}

export async function onShipmentDispatched(payload: Dispatched, topic: string) {
  await markShipped(payload.orderId, payload.carrier, payload.trackingNumber)

  // Tracking lookups are served from the regional DynamoDB table.
  const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({ region: payload.region }), {
    marshallOptions: { removeUndefinedValues: true },
  })
  await ddb.send(
    new PutCommand({
      TableName: process.env.TRACKING_TABLE ?? 'shipment-tracking',
      Item: {
        pk: `ORDER#${payload.orderId}`,
        carrier: payload.carrier,
        trackingNumber: payload.trackingNumber,
        eta: payload.eta,
      },
    }),
  )
  await recordEvent(topic, payload.orderId, payload)
}
