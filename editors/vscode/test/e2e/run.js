// End-to-end test of the extension in a real VS Code workbench (code-server's, VS Code 1.96),
// driven through headless Chromium. Started by scripts/e2e-code-server.sh, which installs the
// .vsix into code-server, starts it on 127.0.0.1 and sets these variables:
//   E2E_URL       the workbench URL with ?folder=<workspace>
//   E2E_WORKSPACE the workspace (a copy of a per-request-client fixture, .vscode/settings.json)
//   E2E_LOGS      code-server's logs directory (the extension's output channel is written there)
//   E2E_EXTENSIONS code-server's extensions directory (the .vsix installed there)
//   CHROMIUM      the browser executable
// Prints one line per check and closes with "N passed, N failed".
"use strict";
const fs = require("fs");
const path = require("path");
const puppeteer = require("puppeteer-core");

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const ws = process.env.E2E_WORKSPACE;
const route = path.join(ws, "app/api/reports/route.ts");
const settingsFile = path.join(ws, ".vscode/settings.json");
let passed = 0;
let failed = 0;

function check(name, ok, detail) {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${detail === undefined ? "" : `: ${detail}`}`);
}

async function waitFor(fn, timeoutMs) {
  const end = Date.now() + timeoutMs;
  let value;
  while (Date.now() < end) {
    value = await fn();
    if (value) return value;
    await sleep(500);
  }
  return value;
}

/** The extension's output channel ("connlint"), as code-server writes it to its logs. */
function connlintLog() {
  const found = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (/connlint\.log$/.test(entry.name)) found.push(p);
    }
  };
  walk(process.env.E2E_LOGS);
  return found.map((f) => fs.readFileSync(f, "utf8")).join("\n");
}

(async () => {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--window-size=1400,900"],
    // Chromium's crash reports and caches go to the run's directory, not the user's home.
    env: {
      ...process.env,
      XDG_CONFIG_HOME: path.join(process.env.E2E_OUT, "xdg-config"),
      XDG_CACHE_HOME: path.join(process.env.E2E_OUT, "xdg-cache"),
    },
  });
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  const chord = async (mods, key) => {
    for (const m of mods) await page.keyboard.down(m);
    await page.keyboard.press(key);
    for (const m of [...mods].reverse()) await page.keyboard.up(m);
  };
  const problems = () =>
    page.evaluate(() => {
      const el = document.querySelector("#status\\.problems");
      return el ? el.getAttribute("aria-label") || el.textContent : "";
    });
  const notifications = () =>
    page.evaluate(() => Array.from(document.querySelectorAll(".notification-list-item")).map((n) => n.innerText));
  const editorText = () => page.evaluate(() => document.querySelector(".editor-instance .view-lines")?.innerText ?? "");
  const command = async (title) => {
    await chord(["Control", "Shift"], "KeyP");
    await sleep(1000);
    await page.keyboard.type(title);
    await sleep(1200);
    await page.keyboard.press("Enter");
  };

  try {
    await page.goto(process.env.E2E_URL, { waitUntil: "domcontentloaded" });
    await page.waitForSelector(".monaco-workbench", { timeout: 90000 });
    await sleep(4000);

    // 1. Opening the route activates the extension, starts `connlint lsp`, shows the finding.
    // Quick Open, until its list offers the file (the first search of a fresh code-server
    // indexes the workspace: the list can take seconds to fill).
    const offered = () =>
      page.evaluate(() =>
        Array.from(document.querySelectorAll(".quick-input-list .monaco-list-row")).some((r) =>
          r.innerText.includes("route.ts"),
        ),
      );
    for (let attempt = 0; attempt < 5; attempt++) {
      await chord(["Control"], "KeyP");
      await sleep(1200);
      await page.keyboard.type("route.ts");
      if (await waitFor(offered, 15000)) break;
      await page.keyboard.press("Escape");
      await sleep(1000);
    }
    await page.keyboard.press("Enter");
    const status = await waitFor(async () => ((await problems()).includes("Errors: 1") ? await problems() : ""), 30000);
    check("opening route.ts shows one error", !!status, status || (await problems()));
    await chord(["Control", "Shift"], "KeyM");
    await sleep(1500);
    const rows = await page.evaluate(() =>
      Array.from(document.querySelectorAll(".markers-panel .monaco-list-row")).map((r) => r.innerText.replace(/\s+/g, " ")),
    );
    const row = rows.find((r) => r.includes("per-request-client")) ?? "";
    check(
      "the Problems panel has connlint's per-request-client at Ln 5, Col 18",
      /connlint/.test(row) && /Ln 5, Col 18/.test(row),
      row,
    );
    const log = connlintLog();
    const started = (log.match(/Starting (\S+) lsp, from ([^:]+): (.*)/) || []);
    check(
      "the extension starts the binary bundled in the .vsix and says so, with its version",
      started.length > 0 &&
        started[1].startsWith(process.env.E2E_EXTENSIONS) &&
        started[1].endsWith("/bundled/connlint") &&
        started[2] === "the binary bundled with the extension" &&
        /^connlint \d+\.\d+\.\d+/.test(started[3]),
      started[0],
    );
    check(
      "initializationOptions carry the settings",
      /"initializationOptions": \{\s*"unsafeFixes": true,\s*"configPath": null\s*\}/.test(log),
    );
    await page.screenshot({ path: path.join(process.env.E2E_OUT, "diagnostics.png") });

    // 2. The quick fixes: the rule's fix and "Ignore ... on this line".
    await page.click(".editor-instance .view-lines");
    await chord(["Control"], "KeyG");
    await sleep(800);
    await page.keyboard.type("5:20");
    await page.keyboard.press("Enter");
    await sleep(800);
    await chord(["Control"], "Period");
    await sleep(2500);
    const actions = await page.evaluate(() =>
      Array.from(document.querySelectorAll(".action-widget .monaco-list-row")).map((e) => e.innerText.trim()),
    );
    check(
      "Ctrl+. offers connlint's fix and the ignore comment",
      actions.some((a) => a.startsWith("Fix: ")) && actions.includes("Ignore `per-request-client` on this line"),
      JSON.stringify(actions),
    );

    // 3. Applying "Ignore ... on this line" inserts the comment and clears the finding.
    const rowsHandles = await page.$$(".action-widget .monaco-list-row");
    for (const h of rowsHandles) {
      if ((await h.evaluate((e) => e.innerText.trim())).startsWith("Ignore")) {
        await h.click();
        break;
      }
    }
    const cleared = await waitFor(async () => (await problems()).includes("No Problems"), 15000);
    check("the ignore action clears the finding", !!cleared, await problems());
    check("the ignore comment is in the buffer", (await editorText()).includes("connlint-ignore"));

    // 4. Undo: the edit reaches the server and the finding comes back.
    await chord(["Control"], "KeyZ");
    const back = await waitFor(async () => (await problems()).includes("Errors: 1"), 15000);
    check("undo brings the finding back", !!back, await problems());

    // 5. Save with source.fixAll.connlint on save and connlint.unsafeFixes = true: the unsafe fix
    //    is applied (the server got the setting), the file on disk changes, the finding clears.
    await chord(["Control"], "KeyS");
    const saved = await waitFor(async () => fs.readFileSync(route, "utf8").includes("globalForPrisma"), 15000);
    check("fix on save applied the (unsafe) fix to the file", !!saved);
    const clearedAfterSave = await waitFor(async () => (await problems()).includes("No Problems"), 15000);
    check("after the fix the finding is gone", !!clearedAfterSave, await problems());

    // 6. connlint: Restart Server starts a new server (a second initialize in the trace).
    const before = (connlintLog().match(/Sending request 'initialize/g) || []).length;
    await command("connlint: Restart Server");
    const after = await waitFor(
      async () => (connlintLog().match(/Sending request 'initialize/g) || []).length > before,
      15000,
    );
    check("connlint: Restart Server sends a new initialize", !!after);

    // 7. A connlint.path that is not an executable: the clear message, with the install hint.
    const settings = JSON.parse(fs.readFileSync(settingsFile, "utf8"));
    settings["connlint.path"] = "/nonexistent/connlint";
    fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
    const message = await waitFor(
      async () => (await notifications()).find((n) => n.includes("/nonexistent/connlint")),
      20000,
    );
    check(
      "a bad connlint.path restarts and says how to install connlint",
      !!message && message.includes("npm i -D connlint") && message.includes("pip install connlint") && message.includes("connlint.path"),
      message,
    );
    await page.screenshot({ path: path.join(process.env.E2E_OUT, "bad-path.png") });
  } catch (err) {
    check("the run finished", false, err && err.stack);
  } finally {
    await browser.close();
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
})();
