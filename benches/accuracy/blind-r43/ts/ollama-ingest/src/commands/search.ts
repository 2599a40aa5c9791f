import { defineCommand } from 'citty';
import { consola } from 'consola';
import { Ollama } from 'ollama';
import pgvector from 'pgvector/pg';
import { openDb } from '../lib/db.js';

export default defineCommand({
  meta: { name: 'search', description: 'Print the handbook passages closest to a question' },
  args: {
    question: { type: 'positional', description: 'Question in plain language', required: true },
    model: { type: 'string', default: 'nomic-embed-text' },
    limit: { type: 'string', default: '5' },
  },
  async run({ args }) {
    const ollama = new Ollama({ host: process.env.OLLAMA_HOST ?? 'http://127.0.0.1:11434' });
    const { embeddings } = await ollama.embed({ model: args.model, input: args.question });
    const db = await openDb(3);
    try {
      const { rows } = await db.query<{ source: string; body: string; distance: number }>(
        'SELECT source, body, embedding <=> $1 AS distance FROM handbook_chunks ORDER BY embedding <=> $1 LIMIT $2',
        [pgvector.toSql(embeddings[0]), Number(args.limit)],
      );
      for (const r of rows) consola.box(`${r.source} (${r.distance.toFixed(3)})\n\n${r.body}`);
    } finally {
      await db.end();
    }
  },
});
