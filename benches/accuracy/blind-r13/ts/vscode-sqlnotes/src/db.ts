import * as vscode from "vscode";
import { Pool } from "pg";

let cached: { url: string; pool: Pool } | undefined;

// Metadata queries share one small pool; rebuilt only if the setting changes.
export function metadataPool(): Pool {
  const url = vscode.workspace.getConfiguration("sqlnotes").get<string>("connectionString")!;
  if (!cached || cached.url !== url) {
    void cached?.pool.end();
    cached = { url, pool: new Pool({ connectionString: url, max: 2 }) };
  }
  return cached.pool;
}

export async function closeMetadataPool(): Promise<void> {
  await cached?.pool.end();
  cached = undefined;
}
