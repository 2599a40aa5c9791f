// Helpers shared by the rules: turn a sql`...` tagged template into plain text
// and pull out table / column references with deliberately simple regexes.

export function isSqlTag(node) {
  return node.tag.type === 'Identifier' && node.tag.name === 'sql';
}

export function templateText(node) {
  return node.quasi.quasis.map((q) => q.value.cooked ?? '').join('?');
}

const TABLE_RE = /\b(?:from|join|into|update)\s+"?([a-z_][a-z0-9_]*)"?/gi;
const QUALIFIED_COLUMN_RE = /\b([a-z_][a-z0-9_]*)\.([a-z_][a-z0-9_]*)\b/gi;

export function referencedTables(text) {
  return [...text.matchAll(TABLE_RE)].map((m) => m[1].toLowerCase());
}

export function qualifiedColumns(text) {
  return [...text.matchAll(QUALIFIED_COLUMN_RE)].map((m) => ({
    table: m[1].toLowerCase(),
    column: m[2].toLowerCase(),
  }));
}
