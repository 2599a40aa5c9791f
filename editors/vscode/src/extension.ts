// The connlint extension: starts `connlint lsp` (the language server built into the connlint
// binary) for TypeScript, JavaScript, Python, Rust and dotenv files, and passes it the settings.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as vscode from "vscode";
import {
  DocumentFilter,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
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

const INSTALL_HINT =
  "Install it with `cargo install --path .` in a connlint checkout, or set `connlint.path` to the executable.";

/** The configured `connlint.path` (with a leading `~` expanded), or `connlint`. */
function executable(): string {
  const configured = vscode.workspace.getConfiguration("connlint").get<string | null>("path", null)?.trim();
  if (!configured) {
    return "connlint";
  }
  return configured.startsWith("~/") ? path.join(os.homedir(), configured.slice(2)) : configured;
}

function isExecutableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Where `command` would be found: itself when it names a path, else the first match on PATH. */
function resolveExecutable(command: string): string | undefined {
  if (command.includes("/") || command.includes("\\")) {
    return isExecutableFile(command) ? command : undefined;
  }
  const exts = process.platform === "win32" ? (process.env.PATHEXT ?? ".EXE").split(";") : [""];
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    for (const ext of exts) {
      const candidate = path.join(dir, command + ext);
      if (dir && isExecutableFile(candidate)) {
        return candidate;
      }
    }
  }
  return undefined;
}

async function reportStartFailure(detail: string): Promise<void> {
  const choice = await vscode.window.showErrorMessage(`connlint: ${detail} ${INSTALL_HINT}`, "Open Settings");
  if (choice === "Open Settings") {
    await vscode.commands.executeCommand("workbench.action.openSettings", "connlint.path");
  }
}

let outputChannel: vscode.OutputChannel | undefined;
let watchers: vscode.FileSystemWatcher[] = [];

const WATCHED = [
  "**/connlint.toml",
  "**/.connlint.toml",
  "**/pyproject.toml",
  "**/package.json",
  "**/Cargo.toml",
  "**/.env*",
];

async function start(): Promise<void> {
  const configured = executable();
  const command = resolveExecutable(configured);
  if (!command) {
    void reportStartFailure(
      configured === "connlint"
        ? "the `connlint` executable was not found on PATH."
        : `\`${configured}\` (the setting \`connlint.path\`) is not an executable file.`,
    );
    return;
  }
  // No `transport`: with `TransportKind.stdio` vscode-languageclient appends `--stdio` to the
  // arguments, which `connlint lsp` rejects (exit 2). Without it, an executable speaks over stdio.
  const server = { command, args: ["lsp"] };
  const serverOptions: ServerOptions = { run: server, debug: server };
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
      // Configuration edits re-lint (the server re-reads the workspace on didChangeWatchedFiles).
      fileEvents: watchers,
    },
    outputChannel,
  };
  client = new LanguageClient("connlint", "connlint", serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    client = undefined;
    void reportStartFailure(
      `cannot start \`${command} lsp\` (${err instanceof Error ? err.message : String(err)}); is it connlint with the \`lsp\` command?`,
    );
  }
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) {
    try {
      await running.stop();
    } catch {
      // Already dead (crashed or never started): nothing to stop.
    }
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // One channel for the server's log and the trace, kept across restarts.
  outputChannel = vscode.window.createOutputChannel("connlint");
  watchers = WATCHED.map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  context.subscriptions.push(
    outputChannel,
    ...watchers,
    vscode.commands.registerCommand("connlint.restartServer", async () => {
      await stop();
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
  await stop();
}
