// The connlint extension: starts `connlint lsp` (the language server built into the connlint
// binary) for TypeScript, JavaScript, Python, Rust and dotenv files, and passes it the settings.
import * as vscode from "vscode";
import {
  DocumentFilter,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

const LANGUAGES = [
  "typescript",
  "typescriptreact",
  "javascript",
  "javascriptreact",
  "python",
  "rust",
  "dotenv",
];

/** The options the server reads from `initializationOptions` and `didChangeConfiguration`. */
function serverSettings() {
  const config = vscode.workspace.getConfiguration("connlint");
  return {
    unsafeFixes: config.get<boolean>("unsafeFixes", false),
    configPath: config.get<string | null>("configPath", null),
  };
}

function executable(): string {
  const configured = vscode.workspace.getConfiguration("connlint").get<string | null>("path", null);
  return configured && configured.trim() !== "" ? configured : "connlint";
}

async function start(): Promise<void> {
  const command = executable();
  const serverOptions: ServerOptions = {
    run: { command, args: ["lsp"], transport: TransportKind.stdio },
    debug: { command, args: ["lsp"], transport: TransportKind.stdio },
  };
  const selector: DocumentFilter[] = LANGUAGES.flatMap((language) => [
    { scheme: "file", language },
    { scheme: "untitled", language },
  ]);
  // dotenv files have no language id unless an extension provides one.
  selector.push({ scheme: "file", pattern: "**/.env*" });
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    initializationOptions: serverSettings(),
    synchronize: {
      configurationSection: "connlint",
      fileEvents: [
        vscode.workspace.createFileSystemWatcher("**/connlint.toml"),
        vscode.workspace.createFileSystemWatcher("**/.connlint.toml"),
        vscode.workspace.createFileSystemWatcher("**/pyproject.toml"),
        vscode.workspace.createFileSystemWatcher("**/package.json"),
        vscode.workspace.createFileSystemWatcher("**/Cargo.toml"),
        vscode.workspace.createFileSystemWatcher("**/.env*"),
      ],
    },
    outputChannelName: "connlint",
  };
  client = new LanguageClient("connlint", "connlint", serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    client = undefined;
    const install = "Install it with `cargo install --path .` in a connlint checkout, or set `connlint.path`.";
    void vscode.window.showErrorMessage(
      `connlint: cannot start \`${command} lsp\`: ${err instanceof Error ? err.message : String(err)}. ${install}`,
    );
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  context.subscriptions.push(
    vscode.commands.registerCommand("connlint.restartServer", async () => {
      if (client) {
        await client.stop();
      }
      await start();
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // A new executable needs a new process; the other settings reach the running server
      // through workspace/didChangeConfiguration (configurationSection above).
      if (e.affectsConfiguration("connlint.path")) {
        await vscode.commands.executeCommand("connlint.restartServer");
      }
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  if (client) {
    await client.stop();
  }
}
