import type { AxiosInstance } from "axios";
import type { Knex } from "knex";

export interface IrcMessageEvent {
  nick: string;
  target: string;
  message: string;
  reply(text: string): void;
}

interface Deps {
  db: Knex;
  pagerduty: AxiosInstance;
  deploys: AxiosInstance;
}

type Handler = (event: IrcMessageEvent, args: string[]) => Promise<void>;

export function makeCommands({ db, pagerduty, deploys }: Deps): Record<string, Handler> {
  return {
    async oncall(event) {
      const { data } = await pagerduty.get("/oncalls", {
        params: { "escalation_policy_ids[]": process.env.PD_POLICY_ID, earliest: true },
      });
      const names = data.oncalls.map((o: { user: { summary: string } }) => o.user.summary);
      event.reply(`on call: ${names.join(", ") || "nobody?!"}`);
    },

    async deploy(event, [service]) {
      if (!service) return event.reply("usage: !deploy <service>");
      const { data } = await deploys.get(`/services/${encodeURIComponent(service)}/releases/latest`);
      event.reply(`${service}: ${data.version} by ${data.author} (${data.status}, ${data.finished_at})`);
    },

    async karma(event, [nick]) {
      const who = (nick ?? event.nick).toLowerCase();
      const row = await db("karma").where({ nick: who }).first("points");
      event.reply(`${who} has ${row?.points ?? 0} karma`);
    },

    async ack(event, [incidentId]) {
      if (!incidentId) return event.reply("usage: !ack <incident id>");
      await db.transaction(async (trx) => {
        await trx("incident_acks").insert({ incident_id: incidentId, nick: event.nick, acked_at: trx.fn.now() });
        await trx("karma")
          .insert({ nick: event.nick.toLowerCase(), points: 1 })
          .onConflict("nick")
          .merge({ points: trx.raw("karma.points + 1") });
      });
      event.reply(`ack recorded for ${incidentId}, thanks ${event.nick}`);
    },
  };
}

const KARMA_RE = /^([\w\-[\]\\`^{}|]+)(\+\+|--)$/;

export async function maybeKarma(db: Knex, event: IrcMessageEvent): Promise<boolean> {
  const m = KARMA_RE.exec(event.message.trim());
  if (!m || m[1].toLowerCase() === event.nick.toLowerCase()) return false;
  const delta = m[2] === "++" ? 1 : -1;
  await db("karma")
    .insert({ nick: m[1].toLowerCase(), points: delta })
    .onConflict("nick")
    .merge({ points: db.raw("karma.points + ?", [delta]) });
  return true;
}
