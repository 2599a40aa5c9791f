import * as vscode from "vscode";
import { metadataPool } from "../db";

export async function describeTable(): Promise<void> {
  const table = await vscode.window.showInputBox({ prompt: "Table name (schema.table)" });
  if (!table) {
    return;
  }
  const [schema, name] = table.includes(".") ? table.split(".") : ["public", table];
  const client = await metadataPool().connect();
  try {
    const { rows } = await client.query(
      `SELECT column_name, data_type, is_nullable
         FROM information_schema.columns
        WHERE table_schema = $1 AND table_name = $2
        ORDER BY ordinal_position`,
      [schema, name],
    );
    const doc = await vscode.workspace.openTextDocument({
      language: "markdown",
      content: rows.map((r) => `- **${r.column_name}** ${r.data_type}${r.is_nullable === "NO" ? " not null" : ""}`).join("\n"),
    });
    await vscode.window.showTextDocument(doc, { preview: true });
  } finally {
    client.release();
  }
}
