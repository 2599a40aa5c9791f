#!/usr/bin/env node
import { defineCommand, runMain } from 'citty';

const main = defineCommand({
  meta: { name: 'handbook', version: '0.5.0', description: 'Handbook RAG operator tools' },
  subCommands: {
    ingest: () => import('./commands/ingest.js').then((m) => m.default),
    search: () => import('./commands/search.js').then((m) => m.default),
  },
});

runMain(main);
