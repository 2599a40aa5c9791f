//! Baselines: `--write-baseline FILE` records today's findings, `--baseline FILE` reports only
//! the findings that are not in it and lists the entries that no longer match anything (so the file
//! can shrink). This is how a large codebase adopts connlint: record, then gate on new findings.
//!
//! An entry is the finding's fingerprint (`src/fingerprint.rs`: rule, path, normalised text of
//! the span and an index; no line numbers, so moving code keeps it) plus its rule, path and
//! message for humans. Paths (in entries and in fingerprints) are relative to the baseline file's
//! directory, so the file works from any working directory.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::diagnostic::Report;
use crate::fingerprint;

/// The format version this connlint writes and reads.
pub const VERSION: u32 = 1;

/// One recorded finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub fingerprint: String,
    pub rule: String,
    /// Relative to the baseline file's directory, with `/`.
    pub path: String,
    pub message: String,
}

/// The baseline file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    #[serde(default)]
    pub tool: String,
    pub entries: Vec<Entry>,
}

/// A baseline that cannot be read, parsed or written (exit code 2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaselineError(pub String);

impl std::fmt::Display for BaselineError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BaselineError {}

/// `.` and `..` resolved without touching the file system.
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// An absolute form of `path` (relative to `cwd`), through symlinks when it exists.
fn resolve(path: &Path, cwd: &Path) -> PathBuf {
    let abs = lexical(&cwd.join(path));
    std::fs::canonicalize(&abs).unwrap_or(abs)
}

fn slash(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Where a baseline's paths are relative to: its file's directory.
fn base_dir(file: &Path, cwd: &Path) -> PathBuf {
    let dir = file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    resolve(dir, cwd)
}

/// `display` (a diagnostic's path, relative to `cwd`) relative to `base`, with `/`.
fn rebase(display: &str, base: &Path, cwd: &Path) -> String {
    let abs = resolve(Path::new(display), cwd);
    pathdiff::diff_paths(&abs, base)
        .map(|p| slash(&p))
        .unwrap_or_else(|| slash(&abs))
}

/// The baseline entries of every diagnostic of `report`, for a baseline file at `file`.
pub fn entries(report: &Report, file: &Path, cwd: &Path) -> Vec<Entry> {
    let base = base_dir(file, cwd);
    let prints = fingerprint::of_report_with_paths(report, |p| rebase(p, &base, cwd));
    let mut out: Vec<Entry> = report
        .diagnostics
        .iter()
        .zip(prints)
        .map(|(d, fingerprint)| Entry {
            fingerprint,
            rule: d.rule.to_string(),
            path: rebase(&d.path, &base, cwd),
            message: d.message.clone(),
        })
        .collect();
    // Sorted without positions, so that moving code does not reorder the file.
    out.sort_by(|a, b| (&a.path, &a.rule, &a.fingerprint).cmp(&(&b.path, &b.rule, &b.fingerprint)));
    out
}

/// Record the findings of `report` in `file`, atomically (a temporary file in the same directory,
/// then a rename). Returns the number of entries.
pub fn write(file: &Path, report: &Report, cwd: &Path) -> Result<usize, BaselineError> {
    let baseline = Baseline {
        version: VERSION,
        tool: "connlint".to_string(),
        entries: entries(report, file, cwd),
    };
    let mut text = serde_json::to_string_pretty(&baseline)
        .map_err(|e| BaselineError(format!("cannot write baseline: {e}")))?;
    text.push('\n');
    let fail = |e: &dyn std::fmt::Display| {
        BaselineError(format!("cannot write baseline {}: {e}", file.display()))
    };
    let dir = file
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| fail(&e))?;
    tmp.write_all(text.as_bytes()).map_err(|e| fail(&e))?;
    tmp.as_file().sync_all().map_err(|e| fail(&e))?;
    tmp.persist(file).map_err(|e| fail(&e.error))?;
    Ok(baseline.entries.len())
}

/// Read a baseline file. A missing, unreadable or corrupt file, or one of another version, is an
/// error.
pub fn load(file: &Path) -> Result<Baseline, BaselineError> {
    let text = crate::readfile::read_regular_text(file, crate::readfile::MAX_AUX_READ)
        .map_err(|e| BaselineError(format!("cannot read baseline {}: {e}", file.display())))?;
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        BaselineError(format!(
            "baseline {} is not valid JSON: {e}",
            file.display()
        ))
    })?;
    match value.get("version").and_then(serde_json::Value::as_u64) {
        Some(v) if v == u64::from(VERSION) => {}
        Some(v) => {
            return Err(BaselineError(format!(
                "baseline {} has version {v}; this connlint reads version {VERSION} (rewrite it with --write-baseline)",
                file.display()
            )));
        }
        None => {
            return Err(BaselineError(format!(
                "baseline {} is not a connlint baseline (no \"version\"); write one with --write-baseline",
                file.display()
            )));
        }
    }
    serde_json::from_value(value).map_err(|e| {
        BaselineError(format!(
            "baseline {} is not a connlint baseline: {e}",
            file.display()
        ))
    })
}

/// What applying a baseline did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applied {
    /// The baseline file, as given.
    pub file: String,
    /// Findings hidden because the baseline has them.
    pub matched: usize,
    /// Entries of files that were checked that matched no finding (fixed, or changed beyond
    /// recognition). Their paths are relative to the working directory, like diagnostics'.
    pub stale: Vec<Entry>,
}

/// Drop from `report` the findings that `baseline` (read from `file`) records, and list its
/// entries that no longer match a finding. Only entries of files under `checked` (the paths of
/// the run) can be stale: a run over part of a project says nothing about the rest.
pub fn apply(
    report: &mut Report,
    baseline: &Baseline,
    file: &Path,
    cwd: &Path,
    checked: &[PathBuf],
) -> Applied {
    let base = base_dir(file, cwd);
    let prints = fingerprint::of_report_with_paths(report, |p| rebase(p, &base, cwd));
    let recorded: HashSet<&str> = baseline
        .entries
        .iter()
        .map(|e| e.fingerprint.as_str())
        .collect();
    let hit: Vec<bool> = prints
        .iter()
        .map(|p| recorded.contains(p.as_str()))
        .collect();
    let seen: HashSet<&str> = prints
        .iter()
        .zip(&hit)
        .filter(|(_, h)| **h)
        .map(|(p, _)| p.as_str())
        .collect();
    let mut keep = hit.iter().map(|h| !h);
    let before = report.diagnostics.len();
    report.diagnostics.retain(|_| keep.next().unwrap_or(true));
    let matched = before - report.diagnostics.len();
    let scope: Vec<PathBuf> = checked.iter().map(|p| resolve(p, cwd)).collect();
    let cwd_abs = resolve(Path::new("."), cwd);
    let stale = baseline
        .entries
        .iter()
        .filter(|e| !seen.contains(e.fingerprint.as_str()))
        .filter_map(|e| {
            let abs = lexical(&base.join(&e.path));
            scope.iter().any(|s| abs.starts_with(s)).then(|| Entry {
                path: pathdiff::diff_paths(&abs, &cwd_abs)
                    .map(|p| slash(&p))
                    .unwrap_or_else(|| slash(&abs)),
                ..e.clone()
            })
        })
        .collect();
    Applied {
        file: file.display().to_string(),
        matched,
        stale,
    }
}

/// The `baseline` member of the JSON document.
pub fn to_json(applied: &Applied) -> serde_json::Value {
    serde_json::json!({
        "path": applied.file,
        "matched": applied.matched,
        "stale": applied.stale.iter().map(|e| serde_json::json!({
            "fingerprint": e.fingerprint, "rule": e.rule, "path": e.path, "message": e.message,
        })).collect::<Vec<_>>(),
    })
}

/// The human note (stderr): how many findings the baseline hides and which entries are stale.
pub fn note(applied: &Applied) -> String {
    let mut s = String::new();
    if applied.matched > 0 {
        s.push_str(&format!(
            "note: {} finding(s) recorded in the baseline {} are not shown.\n",
            applied.matched, applied.file
        ));
    }
    if !applied.stale.is_empty() {
        s.push_str(&format!(
            "note: {} baseline entr{} no longer match a finding (fixed?); `--write-baseline {}` drops them:\n",
            applied.stale.len(),
            if applied.stale.len() == 1 { "y" } else { "ies" },
            applied.file
        ));
        for e in &applied.stale {
            s.push_str(&format!("  {}: {}: {}\n", e.path, e.rule, e.message));
        }
    }
    s
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_rebased_on_the_baseline_directory() {
        let cwd = Path::new("/nonexistent/proj/web");
        let base = base_dir(Path::new("../ci/baseline.json"), cwd);
        assert_eq!(base, PathBuf::from("/nonexistent/proj/ci"));
        assert_eq!(rebase("app/x.ts", &base, cwd), "../web/app/x.ts");
        assert_eq!(lexical(Path::new("/a/./b/../c")), PathBuf::from("/a/c"));
    }

    #[test]
    fn a_corrupt_or_foreign_file_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("b.json");
        std::fs::write(&p, "{not json").unwrap();
        assert!(load(&p).unwrap_err().0.contains("not valid JSON"));
        std::fs::write(&p, r#"{"version": 2, "entries": []}"#).unwrap();
        assert!(load(&p).unwrap_err().0.contains("version 2"));
        std::fs::write(&p, r#"{"version": 1}"#).unwrap();
        assert!(load(&p).unwrap_err().0.contains("not a connlint baseline"));
        assert!(
            load(&dir.path().join("missing.json"))
                .unwrap_err()
                .0
                .contains("cannot read")
        );
    }
}
