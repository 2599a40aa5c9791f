#!/usr/bin/env node
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  InitializeParams,
  InitializeResult,
  CompletionItem,
  CompletionItemKind,
  TextDocumentPositionParams,
  Hover,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { validateDocument } from './validator';
import { tableNames, describeTable, shutdownCatalog } from './catalog';
import { createRecentCache } from './recent';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let debounceMs = 250;
const pending = new Map<string, NodeJS.Timeout>();

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const opts = params.initializationOptions as { debounceMs?: number } | undefined;
  if (opts?.debounceMs) debounceMs = opts.debounceMs;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { resolveProvider: false, triggerCharacters: ['.', ' '] },
      hoverProvider: true,
    },
  };
});

// Fires on open and on every edit of a tracked document.
documents.onDidChangeContent((change) => {
  const uri = change.document.uri;
  const prev = pending.get(uri);
  if (prev) clearTimeout(prev);
  pending.set(
    uri,
    setTimeout(async () => {
      pending.delete(uri);
      const diagnostics = await validateDocument(change.document);
      connection.sendDiagnostics({ uri, diagnostics });
    }, debounceMs),
  );
});

documents.onDidClose((e) => {
  connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onCompletion(async (pos: TextDocumentPositionParams): Promise<CompletionItem[]> => {
  const recent = createRecentCache();
  const [tables, recentlyUsed] = await Promise.all([
    tableNames(),
    recent.zrevrange(`sqlhint:recent:${process.env.USER ?? 'anon'}`, 0, 20),
  ]);
  const boost = new Set(recentlyUsed);
  return tables.map((name, i) => ({
    label: name,
    kind: CompletionItemKind.Class,
    sortText: (boost.has(name) ? '0' : '1') + String(i).padStart(4, '0'),
    data: { uri: pos.textDocument.uri },
  }));
});

connection.onHover(async (params): Promise<Hover | null> => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return null;
  const text = doc.getText();
  const offset = doc.offsetAt(params.position);
  const match = /[A-Za-z_][\w.]*$/.exec(text.slice(0, offset));
  const tail = /^[\w]*/.exec(text.slice(offset));
  const word = (match?.[0] ?? '') + (tail?.[0] ?? '');
  if (!word) return null;
  const md = await describeTable(word);
  return md ? { contents: { kind: 'markdown', value: md } } : null;
});

connection.onShutdown(async () => {
  await shutdownCatalog();
});

documents.listen(connection);
connection.listen();
