import { readFile } from 'node:fs/promises';
import { defineCommand } from 'citty';
import { consola } from 'consola';
import fg from 'fast-glob';
import { Ollama } from 'ollama';
import pgvector from 'pgvector/pg';
import { chunkMarkdown } from '../lib/chunk.js';
import { openDb } from '../lib/db.js';

export default defineCommand({
  meta: { name: 'ingest', description: 'Embed every markdown file under a directory (one-off)' },
  args: {
    dir: { type: 'positional', description: 'Directory with .md files', required: true },
    model: { type: 'string', description: 'Ollama embedding model', default: 'nomic-embed-text' },
  },
  async run({ args }) {
    const files = await fg('**/*.md', { cwd: args.dir, absolute: true });
    const ollama = new Ollama({ host: process.env.OLLAMA_HOST ?? 'http://127.0.0.1:11434' });
    const db = await openDb();
    let total = 0;
    try {
      for (const file of files) {
        const chunks = chunkMarkdown(await readFile(file, 'utf8'));
        if (chunks.length === 0) continue;
        const { embeddings } = await ollama.embed({ model: args.model, input: chunks });
        await db.query('BEGIN');
        await db.query('DELETE FROM handbook_chunks WHERE source = $1', [file]);
        for (let i = 0; i < chunks.length; i++) {
          await db.query('INSERT INTO handbook_chunks (source, ord, body, embedding) VALUES ($1, $2, $3, $4)', [
            file,
            i,
            chunks[i],
            pgvector.toSql(embeddings[i]),
          ]);
        }
        await db.query('COMMIT');
        total += chunks.length;
        consola.info(`${file}: ${chunks.length} chunks`);
      }
      consola.success(`embedded ${total} chunks from ${files.length} files`);
    } catch (err) {
      await db.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      await db.end();
    }
  },
});
