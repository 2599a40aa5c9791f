import { Client } from 'pg';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const SQL_TAG = /sql`([\s\S]*?)`/g;

interface Fragment {
  text: string;
  start: number;
  end: number;
}

function extractFragments(doc: TextDocument): Fragment[] {
  const text = doc.getText();
  const out: Fragment[] = [];
  for (const m of text.matchAll(SQL_TAG)) {
    const body = m[1];
    const start = (m.index ?? 0) + 4;
    // template placeholders become positional params so EXPLAIN can parse the statement
    let n = 0;
    const normalised = body.replace(/\$\{[^}]*\}/g, () => `$${++n}`);
    out.push({ text: normalised, start, end: start + body.length });
  }
  return out;
}

export async function validateDocument(doc: TextDocument): Promise<Diagnostic[]> {
  const fragments = extractFragments(doc);
  if (fragments.length === 0) return [];

  const client = new Client({
    connectionString: process.env.SQLHINT_DATABASE_URL,
    statement_timeout: 2000,
    application_name: 'sqlhint-ls',
  });
  const diagnostics: Diagnostic[] = [];
  try {
    await client.connect();
    for (const frag of fragments) {
      try {
        await client.query('BEGIN READ ONLY');
        await client.query(`PREPARE sqlhint_check AS ${frag.text}`);
        await client.query('DEALLOCATE sqlhint_check');
      } catch (err) {
        diagnostics.push({
          severity: DiagnosticSeverity.Error,
          range: { start: doc.positionAt(frag.start), end: doc.positionAt(frag.end) },
          message: (err as Error).message,
          source: 'sqlhint',
        });
      } finally {
        await client.query('ROLLBACK').catch(() => undefined);
      }
    }
  } catch (err) {
    diagnostics.push({
      severity: DiagnosticSeverity.Warning,
      range: { start: doc.positionAt(0), end: doc.positionAt(0) },
      message: `sqlhint: database unavailable (${(err as Error).message})`,
      source: 'sqlhint',
    });
  } finally {
    await client.end().catch(() => undefined);
  }
  return diagnostics;
}
