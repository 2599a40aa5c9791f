import type { AstPath, Parser, ParserOptions, Plugin, Printer, SupportLanguage, SupportOptions } from 'prettier';
import { loadCatalog, needsQuotes, type IdentifierCatalog } from './catalog.js';

interface Token {
  kind: 'word' | 'quoted' | 'string' | 'comment' | 'space' | 'punct';
  text: string;
}

interface SqlRoot {
  type: 'sql-root';
  tokens: Token[];
  start: number;
  end: number;
}

interface PluginOptions extends ParserOptions<SqlRoot> {
  pgIdentifiersUrl?: string;
  pgIdentifiersSchemas?: string;
}

const KEYWORDS = new Set(
  'select from where and or not null insert into values update set delete create table alter add column drop index on primary key references foreign unique default constraint begin commit as join left right inner outer group by order having limit offset returning if exists cascade'.split(' '),
);

const TOKEN_RE = /(--[^\n]*|\/\*[\s\S]*?\*\/)|('(?:[^']|'')*')|("(?:[^"]|"")*")|([A-Za-z_][A-Za-z0-9_$]*)|(\s+)|([\s\S])/g;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    if (m[1]) tokens.push({ kind: 'comment', text: m[1] });
    else if (m[2]) tokens.push({ kind: 'string', text: m[2] });
    else if (m[3]) tokens.push({ kind: 'quoted', text: m[3] });
    else if (m[4]) tokens.push({ kind: 'word', text: m[4] });
    else if (m[5]) tokens.push({ kind: 'space', text: m[5] });
    else tokens.push({ kind: 'punct', text: m[6] });
  }
  return tokens;
}

function normalizeWord(word: string, catalog: IdentifierCatalog): string {
  const lower = word.toLowerCase();
  if (KEYWORDS.has(lower)) return word.toUpperCase();
  const actual = catalog.get(lower);
  if (!actual) return word;
  return needsQuotes(actual) ? `"${actual}"` : actual;
}

const pgsqlParser: Parser<SqlRoot> = {
  astFormat: 'pgsql-identifiers-ast',
  async parse(text, options) {
    const opts = options as PluginOptions;
    const url = opts.pgIdentifiersUrl || process.env.PG_IDENTIFIERS_URL;
    const schemas = (opts.pgIdentifiersSchemas ?? 'public').split(',').map((s) => s.trim());
    const catalog = url ? await loadCatalog(url, schemas) : new Map<string, string>();

    const tokens = tokenize(text).map((t) => (t.kind === 'word' ? { ...t, text: normalizeWord(t.text, catalog) } : t));
    return { type: 'sql-root', tokens, start: 0, end: text.length };
  },
  locStart: (node) => node.start,
  locEnd: (node) => node.end,
};

const pgsqlPrinter: Printer<SqlRoot> = {
  print(path: AstPath<SqlRoot>) {
    const root = path.node;
    const out = root.tokens.map((t) => t.text).join('');
    return out.replace(/[ \t]+$/gm, '').replace(/\n*$/, '\n');
  },
};

export const languages: SupportLanguage[] = [
  { name: 'PostgreSQL migration', parsers: ['pgsql-identifiers'], extensions: ['.pgsql'] },
];

export const parsers = { 'pgsql-identifiers': pgsqlParser };

export const printers = { 'pgsql-identifiers-ast': pgsqlPrinter };

export const options: SupportOptions = {
  pgIdentifiersUrl: {
    type: 'string',
    category: 'PostgreSQL',
    default: '',
    description: 'Connection string of the dev database whose catalog defines identifier casing.',
  },
  pgIdentifiersSchemas: {
    type: 'string',
    category: 'PostgreSQL',
    default: 'public',
    description: 'Comma-separated schemas to read identifiers from.',
  },
};

const plugin: Plugin<SqlRoot> = { languages, parsers, printers, options };
export default plugin;
