import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, GetCommand } from "@aws-sdk/lib-dynamodb";

const ddb = DynamoDBDocumentClient.from(
  new DynamoDBClient({ region: process.env.AWS_REGION ?? "us-east-1" }),
);

export const LOYALTY_TABLE = process.env.LOYALTY_TABLE ?? "coffee-loyalty";

export async function getBalance(userId: string): Promise<number> {
  const out = await ddb.send(
    new GetCommand({ TableName: LOYALTY_TABLE, Key: { pk: `user#${userId}` } }),
  );
  return (out.Item?.points as number | undefined) ?? 0;
}
