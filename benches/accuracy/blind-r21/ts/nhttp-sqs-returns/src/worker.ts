import {
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SQSClient,
  type Message,
} from "@aws-sdk/client-sqs";
import { applyRefund, createPool } from "./db.js";

// Refund results come back from the payment provider via an SNS -> SQS fan-out.
const QUEUE_URL = process.env.REFUND_RESULTS_QUEUE_URL!;

const sqs = new SQSClient({ region: process.env.AWS_REGION ?? "eu-west-1" });
const pool = createPool("worker");

let running = true;
process.on("SIGTERM", () => {
  running = false;
});

interface RefundResult {
  returnId: number;
  amountCents: number;
  providerRef: string;
  outcome: "succeeded" | "failed";
}

async function handle(message: Message): Promise<void> {
  const envelope = JSON.parse(message.Body ?? "{}");
  const result = JSON.parse(envelope.Message ?? "{}") as RefundResult;
  if (result.outcome !== "succeeded") {
    console.warn(`refund for return ${result.returnId} failed at provider`);
    return;
  }
  const applied = await applyRefund(pool, result.returnId, result.amountCents, result.providerRef);
  if (!applied) {
    console.info(`return ${result.returnId} already refunded or not received yet`);
  }
}

async function main(): Promise<void> {
  console.log("returns worker polling", QUEUE_URL);
  while (running) {
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: QUEUE_URL,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 20,
        VisibilityTimeout: 120,
      }),
    );
    for (const message of Messages) {
      try {
        await handle(message);
        await sqs.send(
          new DeleteMessageCommand({ QueueUrl: QUEUE_URL, ReceiptHandle: message.ReceiptHandle }),
        );
      } catch (err) {
        console.error(`message ${message.MessageId} failed, will be redelivered`, err);
      }
    }
  }
  await pool.end();
  sqs.destroy();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
