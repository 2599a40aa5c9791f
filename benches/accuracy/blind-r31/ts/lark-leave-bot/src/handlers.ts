import type * as lark from "@larksuiteoapi/node-sdk";
import type { MongoClient } from "mongodb";

interface Deps {
  mongo: MongoClient;
  lark: lark.Client;
}

interface LeaveRequest {
  userOpenId: string;
  chatId: string;
  from: string;
  to: string;
  status: "pending" | "approved";
  createdAt: Date;
}

const LEAVE_RE = /^leave\s+(\d{4}-\d{2}-\d{2})\s+(\d{4}-\d{2}-\d{2})$/i;

export function makeHandlers({ mongo, lark: larkClient }: Deps) {
  const db = mongo.db("hr");
  const requests = db.collection<LeaveRequest>("leave_requests");
  const balances = db.collection<{ userOpenId: string; days: number }>("leave_balances");

  async function reply(messageId: string, text: string) {
    await larkClient.im.message.reply({
      path: { message_id: messageId },
      data: { msg_type: "text", content: JSON.stringify({ text }) },
    });
  }

  return {
    async onMessage(data: any) {
      const { message, sender } = data;
      if (message.message_type !== "text") return;
      const text: string = JSON.parse(message.content).text.trim();
      const userOpenId: string = sender.sender_id.open_id;

      if (text === "balance") {
        const bal = await balances.findOne({ userOpenId });
        await reply(message.message_id, `You have ${bal?.days ?? 0} days left.`);
        return;
      }

      const m = text.match(LEAVE_RE);
      if (!m) return;
      const days = Math.round((Date.parse(m[2]) - Date.parse(m[1])) / 86_400_000) + 1;

      const session = mongo.startSession();
      try {
        await session.withTransaction(async () => {
          const res = await balances.updateOne(
            { userOpenId, days: { $gte: days } },
            { $inc: { days: -days } },
            { session },
          );
          if (res.modifiedCount !== 1) throw new Error("insufficient balance");
          await requests.insertOne(
            { userOpenId, chatId: message.chat_id, from: m[1], to: m[2], status: "pending", createdAt: new Date() },
            { session },
          );
        });
        await reply(message.message_id, `Leave ${m[1]} → ${m[2]} (${days} days) submitted.`);
      } catch (err) {
        await reply(message.message_id, `Could not submit: ${(err as Error).message}`);
      } finally {
        await session.endSession();
      }
    },
  };
}
