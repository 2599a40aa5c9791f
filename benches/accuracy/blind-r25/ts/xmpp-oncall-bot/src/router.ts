import { xml } from '@xmpp/client';
import type { Client } from '@xmpp/client';
import type { Element } from '@xmpp/xml';
import type { MongoClient } from 'mongodb';
import type { Redis } from 'ioredis';

interface Shift {
  _id: string; // e.g. "2024-W42-primary"
  week: string;
  role: 'primary' | 'secondary';
  jid: string;
  history: { from: string; to: string; at: Date }[];
}

export interface RouterDeps {
  xmpp: Client;
  mongo: MongoClient;
  redis: Redis;
}

export class StanzaRouter {
  constructor(private readonly deps: RouterDeps) {}

  async handle(stanza: Element): Promise<void> {
    if (!stanza.is('message') || stanza.attrs.type !== 'chat') return;
    const body = stanza.getChildText('body')?.trim();
    if (!body) return;
    const from = String(stanza.attrs.from).split('/')[0];

    let reply: string;
    try {
      if (body === '!oncall') reply = await this.onCall();
      else if (body.startsWith('!swap ')) reply = await this.swap(from, body.slice(6).trim());
      else reply = 'Commands: !oncall, !swap <week> <primary|secondary> <jid>';
    } catch (err) {
      reply = `error: ${(err as Error).message}`;
    }
    await this.deps.xmpp.send(xml('message', { to: from, type: 'chat' }, xml('body', {}, reply)));
  }

  private async onCall(): Promise<string> {
    const cached = await this.deps.redis.get('oncall:current');
    if (cached) return cached;
    const week = isoWeek(new Date());
    const shifts = await this.deps.mongo
      .db('noc')
      .collection<Shift>('shifts')
      .find({ week })
      .toArray();
    const text = shifts.map((s) => `${s.role}: ${s.jid}`).join('\n') || `no rota for ${week}`;
    await this.deps.redis.set('oncall:current', text, 'EX', 300);
    return text;
  }

  private async swap(requester: string, args: string): Promise<string> {
    const [week, role, to] = args.split(/\s+/);
    if (!week || !to || (role !== 'primary' && role !== 'secondary')) {
      return 'usage: !swap <week> <primary|secondary> <jid>';
    }
    const session = this.deps.mongo.startSession();
    try {
      await session.withTransaction(async () => {
        const shifts = this.deps.mongo.db('noc').collection<Shift>('shifts');
        const shift = await shifts.findOne({ _id: `${week}-${role}` }, { session });
        if (!shift) throw new Error(`no ${role} shift in ${week}`);
        if (shift.jid !== requester) throw new Error('you can only swap your own shift');
        await shifts.updateOne(
          { _id: shift._id },
          { $set: { jid: to }, $push: { history: { from: requester, to, at: new Date() } } },
          { session },
        );
      });
    } finally {
      await session.endSession();
    }
    await this.deps.redis.del('oncall:current');
    return `${week} ${role} now belongs to ${to}`;
  }
}

function isoWeek(d: Date): string {
  const t = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = new Date(Date.UTC(t.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((t.getTime() - yearStart.getTime()) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
