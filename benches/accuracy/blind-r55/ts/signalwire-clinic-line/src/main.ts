import { Voice, Messaging } from "@signalwire/realtime-api";
import { handleCall } from "./voice";
import { handleSms } from "./sms";
import { pool } from "./db";

const project = process.env.SIGNALWIRE_PROJECT_ID!;
const token = process.env.SIGNALWIRE_API_TOKEN!;
const CLINIC_NUMBER = process.env.CLINIC_NUMBER!;
const TOPICS = ["riverside-dental"];

const voiceClient = new Voice.Client({ project, token, topics: TOPICS });
const messagingClient = new Messaging.Client({ project, token, topics: TOPICS });

voiceClient.on("call.received", async (call) => {
  console.log(`call ${call.id} from ${call.from}`);
  try {
    await handleCall(call);
  } catch (err) {
    console.error(`call ${call.id} failed`, err);
    await call.hangup().catch(() => undefined);
  }
});

messagingClient.on("message.received", async (message) => {
  try {
    const reply = await handleSms(message);
    if (reply) {
      await messagingClient.send({ from: CLINIC_NUMBER, to: reply.to, body: reply.body });
    }
  } catch (err) {
    console.error(`sms ${message.id} failed`, err);
  }
});

async function shutdown() {
  await voiceClient.disconnect();
  await messagingClient.disconnect();
  await pool.end();
  process.exit(0);
}

process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
console.log("clinic phone line listening on", TOPICS.join(", "));
