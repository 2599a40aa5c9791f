import { PublishCommand, SNSClient } from '@aws-sdk/client-sns'

const sns = new SNSClient({ region: process.env.AWS_REGION ?? 'eu-central-1' })

export async function publishPriceDrop(productId: string, oldCents: number, newCents: number): Promise<void> {
  await sns.send(
    new PublishCommand({
      TopicArn: process.env.PRICE_DROP_TOPIC_ARN,
      Message: JSON.stringify({ productId, oldCents, newCents }),
      MessageAttributes: { kind: { DataType: 'String', StringValue: 'price-drop' } },
    }),
  )
}
