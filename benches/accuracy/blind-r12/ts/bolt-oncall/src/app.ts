import bolt from "@slack/bolt";
import mysql, { type ResultSetHeader, type RowDataPacket } from "mysql2/promise";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, PutCommand } from "@aws-sdk/lib-dynamodb";
import { dbConfig, pool } from "./db.js";
import { currentShift, swapShift } from "./repositories/shifts.js";

const { App, LogLevel } = bolt;

const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  appToken: process.env.SLACK_APP_TOKEN,
  socketMode: true,
  logLevel: LogLevel.INFO,
});

app.command("/oncall", async ({ command, ack, respond }) => {
  await ack();
  const team = command.text.trim() || "platform";
  const shift = await currentShift(team);
  await respond(shift ? `<@${shift.slack_user_id}> is on call for *${team}*` : `Nobody is on call for *${team}*`);
});

app.command("/incident", async ({ command, ack, respond }) => {
  await ack();
  const conn = await mysql.createConnection(dbConfig);
  let id: number;
  try {
    const [result] = await conn.execute<ResultSetHeader>(
      "INSERT INTO incidents (title, opened_by, opened_at) VALUES (?, ?, NOW())",
      [command.text, command.user_id],
    );
    id = result.insertId;
  } finally {
    await conn.end();
  }
  await respond({ response_type: "in_channel", text: `:rotating_light: Incident #${id} opened: ${command.text}` });
});

app.event("app_mention", async ({ event, say }) => {
  const conn = await pool.getConnection();
  const [rows] = await conn.query<RowDataPacket[]>(
    "SELECT id, title FROM incidents WHERE closed_at IS NULL ORDER BY opened_at DESC LIMIT 5",
  );
  if (rows.length === 0) {
    await say({ text: "No open incidents :tada:", thread_ts: event.ts });
    return;
  }
  conn.release();
  await say({
    text: rows.map((r) => `• #${r.id} ${r.title}`).join("\n"),
    thread_ts: event.ts,
  });
});

app.action("ack_page", async ({ ack, body, client }) => {
  await ack();
  const ddb = DynamoDBDocumentClient.from(new DynamoDBClient({ region: process.env.AWS_REGION }));
  await ddb.send(
    new PutCommand({
      TableName: process.env.PAGE_ACKS_TABLE,
      Item: { pageId: (body as any).actions?.[0]?.value, userId: body.user.id, ackedAt: Date.now() },
    }),
  );
  await client.chat.postMessage({ channel: body.user.id, text: "Page acknowledged." });
});

app.shortcut("swap_shift", async ({ shortcut, ack, client }) => {
  await ack();
  await swapShift("platform", shortcut.user.id, shortcut.user.id);
  await client.chat.postMessage({ channel: shortcut.user.id, text: "Swap request recorded." });
});

await app.start();
console.log("⚡️ on-call bot is running");
