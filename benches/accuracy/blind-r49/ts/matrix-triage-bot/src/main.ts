import * as sdk from "matrix-js-sdk";
import { ClientEvent, MsgType, RoomEvent } from "matrix-js-sdk";
import { openCount, recordMention } from "./triage.js";

const client = sdk.createClient({
  baseUrl: process.env.MATRIX_HOMESERVER ?? "https://matrix.org",
  accessToken: process.env.MATRIX_TOKEN,
  userId: process.env.MATRIX_USER_ID,
});

client.on(RoomEvent.Timeline, async (event, room, toStartOfTimeline) => {
  if (toStartOfTimeline || !room) return;
  if (event.getType() !== "m.room.message") return;
  if (event.getSender() === client.getUserId()) return;

  const body: string = event.getContent().body ?? "";
  if (body.trim() === "!triage stats") {
    const n = await openCount();
    await client.sendMessage(room.roomId, { msgtype: MsgType.Notice, body: `${n} mentions in 24h` });
    return;
  }

  const lines = await recordMention(event, room);
  if (lines.length > 0) {
    await client.sendMessage(room.roomId, { msgtype: MsgType.Notice, body: lines.join("\n") });
  }
});

client.once(ClientEvent.Sync, (state) => {
  if (state === "PREPARED") console.log("triage bot synced");
});

await client.startClient({ initialSyncLimit: 0 });
