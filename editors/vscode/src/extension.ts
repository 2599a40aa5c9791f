// The connlint extension: starts `connlint lsp` (the language server built into the connlint
// binary) for TypeScript, JavaScript, Python, Rust and dotenv files, and passes it the settings.
import { execFile } from "child_process";
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
  "Install connlint in the workspace (`npm i -D connlint`, or `pip install connlint` in its virtualenv), or set `connlint.path` to the executable.";

const EXE = process.platform === "win32" ? ".exe" : "";

/** The configured `connlint.path` (with a leading `~` expanded), or undefined. */
function configuredPath(): string | undefined {
  const configured = vscode.workspace.getConfiguration("connlint").get<string | null>("path", null)?.trim();
  if (!configured) {
    return undefined;
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

/** An executable the extension found, and where it came from (said in the output channel). */
interface Found {
  command: string;
  source: string;
}

/**
 * A connlint installed in a workspace folder: the npm package's platform binary
 * (node_modules/@connlint/<os>-<cpu>-*), its node_modules/.bin launcher, then the virtualenvs
 * (.venv, venv, the active $VIRTUAL_ENV, the Python extension's python.defaultInterpreterPath).
 */
function workspaceExecutable(): Found | undefined {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === "file");
  const scripts = process.platform === "win32" ? "Scripts" : "bin";
  for (const folder of folders) {
    const root = folder.uri.fsPath;
    const scope = path.join(root, "node_modules", "@connlint");
    let platformPackages: string[] = [];
    try {
      const prefix = `${process.platform}-${process.arch}`;
      platformPackages = fs.readdirSync(scope).filter((name) => name === prefix || name.startsWith(`${prefix}-`));
      // glibc before musl: the gnu build where both are installed.
      platformPackages.sort((a, b) => Number(a.endsWith("-musl")) - Number(b.endsWith("-musl")));
    } catch {
      // No npm install of connlint here.
    }
    for (const name of platformPackages) {
      const candidate = path.join(scope, name, `connlint${EXE}`);
      if (isExecutableFile(candidate)) {
        return { command: candidate, source: `the workspace's npm package @connlint/${name}` };
      }
    }
    if (process.platform !== "win32") {
      const launcher = path.join(root, "node_modules", ".bin", "connlint");
      if (isExecutableFile(launcher)) {
        return { command: launcher, source: "the workspace's node_modules/.bin" };
      }
    }
    for (const venv of [".venv", "venv"]) {
      const candidate = path.join(root, venv, scripts, `connlint${EXE}`);
      if (isExecutableFile(candidate)) {
        return { command: candidate, source: `the workspace's virtualenv ${venv}` };
      }
    }
  }
  const active = process.env.VIRTUAL_ENV;
  if (active) {
    const candidate = path.join(active, scripts, `connlint${EXE}`);
    if (isExecutableFile(candidate)) {
      return { command: candidate, source: `the active virtualenv ${active}` };
    }
  }
  const interpreter = vscode.workspace.getConfiguration("python").get<string>("defaultInterpreterPath", "");
  if (interpreter && (interpreter.includes("/") || interpreter.includes("\\"))) {
    const candidate = path.join(path.dirname(interpreter), `connlint${EXE}`);
    if (isExecutableFile(candidate)) {
      return { command: candidate, source: `the interpreter's environment (python.defaultInterpreterPath)` };
    }
  }
  return undefined;
}

/**
 * The executable to start, in biome's order: the `connlint.path` setting; a connlint installed
 * in the workspace; the one bundled in this extension (platform-specific packages carry it);
 * `connlint` on PATH. A `connlint.path` that is not an executable is an error, not a fallback.
 */
function findExecutable(extensionPath: string): Found | { error: string } {
  const configured = configuredPath();
  if (configured !== undefined) {
    const command = resolveExecutable(configured);
    return command
      ? { command, source: "the setting connlint.path" }
      : { error: `\`${configured}\` (the setting \`connlint.path\`) is not an executable file.` };
  }
  const inWorkspace = workspaceExecutable();
  if (inWorkspace) {
    return inWorkspace;
  }
  const bundled = path.join(extensionPath, "bundled", `connlint${EXE}`);
  if (isExecutableFile(bundled)) {
    return { command: bundled, source: "the binary bundled with the extension" };
  }
  const onPath = resolveExecutable("connlint");
  if (onPath) {
    return { command: onPath, source: "PATH" };
  }
  return {
    error:
      "no `connlint` executable: none in the workspace, none bundled with this extension (a package for another platform?), none on PATH.",
  };
}

/** `connlint --version`'s line, or why it could not be read. */
function versionOf(command: string): Promise<string> {
  return new Promise((resolve) => {
    execFile(command, ["--version"], { timeout: 10000, windowsHide: true }, (err, stdout) => {
      resolve(err ? `(--version failed: ${err.message})` : stdout.trim());
    });
  });
}

async function reportStartFailure(detail: string): Promise<void> {
  const choice = await vscode.window.showErrorMessage(`connlint: ${detail} ${INSTALL_HINT}`, "Open Settings");
  if (choice === "Open Settings") {
    await vscode.commands.executeCommand("workbench.action.openSettings", "connlint.path");
  }
}

let outputChannel: vscode.OutputChannel | undefined;
let statusItem: vscode.StatusBarItem | undefined;
let extensionPath = "";
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
  const found = findExecutable(extensionPath);
  if ("error" in found) {
    outputChannel?.appendLine(`connlint: ${found.error}`);
    statusItem?.hide();
    void reportStartFailure(found.error);
    return;
  }
  const command = found.command;
  const version = await versionOf(command);
  // Which executable runs, from where, and its version: the first line of the output channel.
  outputChannel?.appendLine(`Starting ${command} lsp, from ${found.source}: ${version}`);
  if (statusItem) {
    statusItem.text = "connlint";
    statusItem.tooltip = `${version}\n${command}\nfrom ${found.source}`;
    statusItem.show();
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
  extensionPath = context.extensionPath;
  statusItem = vscode.window.createStatusBarItem("connlint.status", vscode.StatusBarAlignment.Right, 0);
  statusItem.name = "connlint";
  statusItem.command = "connlint.showOutput";
  watchers = WATCHED.map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  context.subscriptions.push(
    outputChannel,
    statusItem,
    ...watchers,
    vscode.commands.registerCommand("connlint.showOutput", () => outputChannel?.show()),
    vscode.commands.registerCommand("connlint.restartServer", async () => {
      await stop();
      await start();
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      // A new executable needs a new process; the other settings reach the running server
      // through workspace/didChangeConfiguration (configurationSection above).
      if (e.affectsConfiguration("connlint.path") || e.affectsConfiguration("python.defaultInterpreterPath")) {
        await vscode.commands.executeCommand("connlint.restartServer");
      }
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await stop();
}
