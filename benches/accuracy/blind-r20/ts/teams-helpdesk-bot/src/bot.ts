import { ActivityHandler, MessageFactory, TurnContext } from 'botbuilder';
import mysql from 'mysql2/promise';
import { findAgentByAadId, registerRequester } from './db';
import { getTicket, openTicket } from './ticketStore';

export class HelpdeskBot extends ActivityHandler {
  constructor() {
    super();

    this.onMessage(async (context, next) => {
      const text = TurnContext.removeRecipientMention(context.activity)?.trim() ?? '';
      const [command, ...rest] = text.split(/\s+/);

      switch (command?.toLowerCase()) {
        case 'status':
          await this.replyStatus(context, Number(rest[0]));
          break;
        case 'new':
          await this.replyNew(context, rest.join(' '));
          break;
        case 'oncall':
          await this.replyOnCall(context, rest[0] ?? 'platform');
          break;
        default:
          await context.sendActivity('Try `status <id>`, `new <title>` or `oncall <team>`.');
      }
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      for (const member of context.activity.membersAdded ?? []) {
        if (member.id === context.activity.recipient.id) continue;
        if (member.aadObjectId) await registerRequester(member.aadObjectId, member.name);
        await context.sendActivity(MessageFactory.text(`Welcome ${member.name}! Type \`new <title>\` to open a ticket.`));
      }
      await next();
    });
  }

  private async replyStatus(context: TurnContext, id: number) {
    const ticket = Number.isFinite(id) ? await getTicket(id) : undefined;
    await context.sendActivity(
      ticket ? `#${ticket.id} ${ticket.title}: ${ticket.status} (${ticket.assignee ?? 'unassigned'})` : 'No such ticket.',
    );
  }

  private async replyNew(context: TurnContext, title: string) {
    const requester = context.activity.from.aadObjectId ?? context.activity.from.id;
    const id = await openTicket(requester, title || 'Untitled request');
    await context.sendActivity(`Opened ticket #${id}.`);
  }

  private async replyOnCall(context: TurnContext, team: string) {
    const agent = context.activity.from.aadObjectId
      ? await findAgentByAadId(context.activity.from.aadObjectId)
      : undefined;
    const oncall = await mysql.createConnection(process.env.ONCALL_DB_URL!);
    const [rows] = await oncall.query<mysql.RowDataPacket[]>(
      'SELECT person, phone FROM rotations WHERE team = ? AND now() BETWEEN starts_at AND ends_at',
      [team],
    );
    const who = rows[0];
    await context.sendActivity(
      who ? `On call for ${team}: ${who.person} (${who.phone})` : `Nobody is on call for ${team}.`,
    );
    if (agent) await context.sendActivity(`(You are on team ${agent.team}.)`);
  }
}
