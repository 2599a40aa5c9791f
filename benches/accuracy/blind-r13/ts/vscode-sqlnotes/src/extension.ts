import * as vscode from "vscode";
import Redis from "ioredis";
import { runSelection } from "./commands/runSelection";
import { describeTable } from "./commands/describeTable";
import { closeMetadataPool } from "./db";

export function activate(context: vscode.ExtensionContext) {
  const output = vscode.window.createOutputChannel("SQL Notes");
  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 10);
  status.text = "$(database) SQL Notes";
  status.show();

  context.subscriptions.push(
    output,
    status,
    vscode.commands.registerCommand("sqlnotes.runSelection", () => runSelection(output)),
    vscode.commands.registerCommand("sqlnotes.describeTable", describeTable),
  );

  // Tell teammates' dashboards a shared .sql note changed.
  context.subscriptions.push(
    vscode.workspace.onDidSaveTextDocument(async (doc) => {
      if (doc.languageId !== "sql") {
        return;
      }
      const cfg = vscode.workspace.getConfiguration("sqlnotes");
      const redis = new Redis(cfg.get<string>("redisUrl")!);
      await redis.publish(
        "sqlnotes:saved",
        JSON.stringify({ file: vscode.workspace.asRelativePath(doc.uri), at: Date.now() }),
      );
    }),
  );

  const clock = setInterval(() => {
    const editor = vscode.window.activeTextEditor;
    status.tooltip = editor ? `Editing ${editor.document.fileName}` : "No SQL file open";
  }, 5_000);
  context.subscriptions.push({ dispose: () => clearInterval(clock) });
}

export function deactivate(): Promise<void> {
  return closeMetadataPool();
}
