import * as vscode from "vscode";
import { Pool } from "pg";

export async function runSelection(output: vscode.OutputChannel): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    return;
  }
  const text = editor.document.getText(editor.selection) || editor.document.getText();
  const cfg = vscode.workspace.getConfiguration("sqlnotes");

  const pool = new Pool({ connectionString: cfg.get<string>("connectionString"), max: 2 });
  const started = Date.now();
  try {
    const result = await pool.query(text);
    output.appendLine(`-- ${result.rowCount ?? 0} row(s) in ${Date.now() - started} ms`);
    for (const row of result.rows.slice(0, 200)) {
      output.appendLine(JSON.stringify(row));
    }
    output.show(true);
  } catch (err) {
    vscode.window.showErrorMessage(`Query failed: ${(err as Error).message}`);
  }
}
