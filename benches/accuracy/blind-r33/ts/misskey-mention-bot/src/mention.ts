import type * as Misskey from "misskey-js";
import mysql from "mysql2/promise";
import { subscribe, unsubscribe } from "./commands/subscribe.js";
import { forecast } from "./commands/forecast.js";

type Note = Misskey.entities.Note;

export class MentionHandler {
  private readonly db: mysql.Pool;

  constructor(
    private readonly note: Note,
    private readonly api: Misskey.api.APIClient,
  ) {
    this.db = mysql.createPool({ uri: process.env.MYSQL_URL, connectionLimit: 3 });
  }

  private async reply(text: string): Promise<void> {
    await this.api.request("notes/create", {
      text,
      replyId: this.note.id,
      visibility: this.note.visibility === "specified" ? "specified" : "home",
    });
  }

  private async isMuted(): Promise<boolean> {
    const [rows] = await this.db.query<mysql.RowDataPacket[]>(
      "select 1 from muted_users where user_id = ? limit 1",
      [this.note.userId],
    );
    return rows.length > 0;
  }

  async run(): Promise<void> {
    if (await this.isMuted()) return;

    const words = (this.note.text ?? "").replace(/@\S+/g, "").trim().split(/\s+/);
    const [command, ...args] = words;

    switch (command?.toLowerCase()) {
      case "subscribe":
        await this.reply(await subscribe(this.note.userId, args[0]));
        break;
      case "unsubscribe":
        await this.reply(await unsubscribe(this.note.userId, args[0]));
        break;
      case "forecast":
        await this.reply(await forecast(args.join(" ")));
        break;
      default:
        await this.reply("commands: subscribe <city>, unsubscribe <city>, forecast <city>");
    }
  }
}
