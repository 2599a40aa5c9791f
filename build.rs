//! Embeds the commit a binary was built from, so that `connlint --version` prints
//! `connlint 0.1.0 (1a2b3c4d5 2026-11-24)`. From a git checkout the commit is read with git; a
//! build without one (a crates.io or sdist source) takes `CONNLINT_COMMIT_HASH` and
//! `CONNLINT_COMMIT_DATE` when set, and prints the bare version otherwise.

use std::path::Path;
use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?;
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_string())
}

fn main() {
    println!("cargo:rerun-if-env-changed=CONNLINT_COMMIT_HASH");
    println!("cargo:rerun-if-env-changed=CONNLINT_COMMIT_DATE");
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();

    let mut hash = std::env::var("CONNLINT_COMMIT_HASH")
        .ok()
        .filter(|h| !h.is_empty());
    let mut date = std::env::var("CONNLINT_COMMIT_DATE")
        .ok()
        .filter(|d| !d.is_empty());
    // Only this repository's own history: a crate unpacked inside some other git checkout
    // (cargo install, a vendored copy) must not report that checkout's commit.
    let own_checkout = git(&["-C", &manifest_dir, "rev-parse", "--show-toplevel"])
        .is_some_and(|top| Path::new(&top) == Path::new(&manifest_dir));
    if hash.is_none() && own_checkout {
        hash = git(&["-C", &manifest_dir, "rev-parse", "--short=9", "HEAD"]);
        date = git(&[
            "-C",
            &manifest_dir,
            "log",
            "-1",
            "--date=short",
            "--format=%cd",
        ]);
        // A new commit, or a checkout of another branch, rebuilds the version string.
        for what in ["HEAD", "packed-refs"] {
            if let Some(p) = git(&["-C", &manifest_dir, "rev-parse", "--git-path", what]) {
                println!(
                    "cargo:rerun-if-changed={}",
                    Path::new(&manifest_dir).join(p).display()
                );
            }
        }
        if let Some(reference) = git(&["-C", &manifest_dir, "symbolic-ref", "-q", "HEAD"])
            && let Some(p) = git(&["-C", &manifest_dir, "rev-parse", "--git-path", &reference])
        {
            println!(
                "cargo:rerun-if-changed={}",
                Path::new(&manifest_dir).join(p).display()
            );
        }
    }
    let long = match (hash, date) {
        (Some(h), Some(d)) => format!("{version} ({h} {d})"),
        (Some(h), None) => format!("{version} ({h})"),
        _ => version,
    };
    println!("cargo:rustc-env=CONNLINT_LONG_VERSION={long}");
}
