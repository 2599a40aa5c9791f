import { SNSClient, PublishCommand } from '@aws-sdk/client-sns'

const sns = new SNSClient({ region: process.env.AWS_REGION ?? 'eu-west-1' })

export async function alertFrontDesk(door: string, uid: string, reason: string): Promise<void> {
  await sns.send(new PublishCommand({
    TopicArn: process.env.FRONT_DESK_TOPIC_ARN,
    Subject: `Badge refused at ${door}`,
    Message: `Badge ${uid} was refused at ${door}: ${reason}`,
  }))
}
