import { Client, type XmtpEnv } from "@xmtp/node-sdk";
import { pool } from "./db.js";
import { answer } from "./handler.js";
import { createSigner, encryptionKeyFromHex } from "./signer.js";

const { WALLET_KEY, ENCRYPTION_KEY } = process.env;
if (!WALLET_KEY || !ENCRYPTION_KEY) {
  throw new Error("WALLET_KEY and ENCRYPTION_KEY must be set");
}

async function main(): Promise<void> {
  const client = await Client.create(createSigner(WALLET_KEY!), {
    env: (process.env.XMTP_ENV ?? "production") as XmtpEnv,
    dbEncryptionKey: encryptionKeyFromHex(ENCRYPTION_KEY!),
    dbPath: process.env.XMTP_DB_PATH ?? ".data/receipt-agent.db3",
  });

  console.log(`receipt agent listening as inbox ${client.inboxId}`);
  await client.conversations.sync();

  const stream = await client.conversations.streamAllMessages();
  // One loop iteration per XMTP message in any conversation.
  for await (const message of stream) {
    if (!message || message.senderInboxId === client.inboxId) continue;
    if (message.contentType?.typeId !== "text") continue;

    try {
      const conversation = await client.conversations.getConversationById(message.conversationId);
      if (!conversation) continue;
      const reply = await answer(message.senderInboxId, message.content as string);
      await conversation.send(reply);
    } catch (err) {
      console.error("failed to answer message", message.id, err);
    }
  }
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => pool.end());
