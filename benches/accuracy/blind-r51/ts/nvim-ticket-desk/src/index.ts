import type { NvimPlugin } from 'neovim';
import Redis from 'ioredis';
import { Pool } from 'pg';

import { pool } from './db';

export = (plugin: NvimPlugin) => {
  const { nvim } = plugin;
  plugin.setOptions({ dev: false });

  plugin.registerCommand(
    'TicketList',
    async () => {
      const { rows } = await pool.query(
        "SELECT id, subject, status FROM tickets WHERE assignee = current_setting('desk.me', true) OR assignee IS NULL ORDER BY updated_at DESC LIMIT 50",
      );
      const buffer = await nvim.buffer;
      await buffer.setLines(
        rows.map((t) => `#${t.id}\t[${t.status}]\t${t.subject}`),
        { start: 0, end: -1, strictIndexing: false },
      );
    },
    { sync: false },
  );

  plugin.registerCommand(
    'TicketShow',
    async (args: string[]) => {
      const id = Number(args[0]);
      const client = await pool.connect();
      const { rows } = await client.query('SELECT subject, body FROM tickets WHERE id = $1', [id]);
      if (rows.length === 0) {
        await nvim.errWriteLine(`ticket #${id} not found`);
        return;
      }
      const { rows: notes } = await client.query(
        'SELECT author, body FROM ticket_notes WHERE ticket_id = $1 ORDER BY created_at',
        [id],
      );
      client.release();

      await nvim.command(`edit ${id}.ticket.md`);
      const lines = [`# ${rows[0].subject}`, '', ...String(rows[0].body).split('\n')];
      for (const n of notes) lines.push('', `> ${n.author}:`, ...String(n.body).split('\n'));
      await (await nvim.buffer).setLines(lines, { start: 0, end: -1, strictIndexing: false });
    },
    { sync: false, nargs: '1' },
  );

  plugin.registerCommand(
    'TicketSync',
    async () => {
      // pull tickets assigned in the web UI since the last sync
      const desk = new Pool({ connectionString: process.env.TICKET_DB_URL });
      const since = await nvim.getVar('ticket_desk_last_sync');
      const { rowCount } = await desk.query(
        'UPDATE tickets SET synced_to_editor = true WHERE updated_at > coalesce($1::timestamptz, now() - interval \'1 day\')',
        [since || null],
      );
      await nvim.setVar('ticket_desk_last_sync', new Date().toISOString());
      await nvim.outWrite(`synced ${rowCount ?? 0} tickets\n`);
    },
    { sync: false },
  );

  plugin.registerAutocmd(
    'BufWritePost',
    async (fileName: string) => {
      const id = Number(fileName.split('/').pop()?.split('.')[0]);
      const body = (await (await nvim.buffer).lines).join('\n');
      await pool.query('UPDATE tickets SET body = $2, updated_at = now() WHERE id = $1', [id, body]);

      const redis = new Redis(process.env.TICKET_REDIS_URL as string);
      await redis.publish('desk:ticket-updated', JSON.stringify({ id, by: 'nvim' }));
    },
    { pattern: '*.ticket.md', eval: 'expand("<afile>:p")' },
  );
};
