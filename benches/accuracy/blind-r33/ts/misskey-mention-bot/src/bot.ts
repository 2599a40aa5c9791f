import * as Misskey from "misskey-js";
import WebSocket from "ws";
import { MentionHandler } from "./mention.js";
import { pool } from "./lib/db.js";

const origin = process.env.MISSKEY_ORIGIN ?? "https://misskey.io";
const token = process.env.MISSKEY_TOKEN!;

const api = new Misskey.api.APIClient({ origin, credential: token });
const stream = new Misskey.Stream(origin, { token }, { WebSocket });

const main = stream.useChannel("main");

main.on("mention", (note) => {
  if (note.user.isBot) return;
  new MentionHandler(note, api)
    .run()
    .catch((err) => console.error("mention handling failed", note.id, err));
});

main.on("followed", async (user) => {
  await api.request("following/create", { userId: user.id });
  await pool.execute("insert ignore into followers (user_id, username) values (?, ?)", [
    user.id,
    user.username,
  ]);
});

stream.on("_connected_", () => console.log("streaming connected"));
stream.on("_disconnected_", () => console.warn("streaming disconnected, misskey-js will reconnect"));

process.on("SIGTERM", async () => {
  stream.close();
  await pool.end();
  process.exit(0);
});
