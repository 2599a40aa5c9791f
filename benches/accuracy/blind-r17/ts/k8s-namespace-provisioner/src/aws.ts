import { SQSClient } from '@aws-sdk/client-sqs';

export function sqsClient(): SQSClient {
  return new SQSClient({
    region: process.env.AWS_REGION ?? 'us-east-1',
    maxAttempts: 3,
  });
}
