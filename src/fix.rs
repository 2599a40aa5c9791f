//! Applying fixes: non-overlapping edits per file (overlaps wait for the next pass), passes
//! repeated until nothing changes (at most [`MAX_PASSES`]), every result re-parsed by its
//! front-end (a fix that breaks the syntax is dropped and reported), and atomic writes that keep
//! permissions, line endings and a byte-order mark.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::diagnostic::{Applicability, Edit};
use crate::engine::{self, Report, RunError, Settings};
use crate::lang;
use crate::source::{Lang, SourceFile};

/// Passes of fix → re-check before giving up (a fix that keeps re-appearing).
pub const MAX_PASSES: usize = 10;

/// Apply `edits` (byte spans into `text`) in order of position; an edit overlapping an earlier one
/// is skipped (deferred to the next pass). Returns the new text and how many edits were applied.
pub fn apply_edits(text: &str, edits: &[Edit]) -> (String, usize) {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut cursor = 0usize;
    let mut applied = 0;
    for e in sorted {
        let (start, end) = (e.span.start as usize, e.span.end as usize);
        if start < cursor
            || end > text.len()
            || start > end
            || !text.is_char_boundary(start)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        out.push_str(&text[cursor..start]);
        out.push_str(&e.content);
        cursor = end;
        applied += 1;
    }
    out.push_str(&text[cursor..]);
    (out, applied)
}

/// A file whose fixed text could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DroppedFix {
    pub path: String,
    pub message: String,
}

/// The result of fixing.
#[derive(Debug, Default)]
pub struct FixOutcome {
    /// (display path, on-disk path, original text, fixed text) of every changed file.
    pub changed: Vec<(String, PathBuf, String, String)>,
    pub dropped: Vec<DroppedFix>,
    /// Findings fixed, over all passes (not edits: one edit shared by two findings fixes two,
    /// a fix of three edits fixes one).
    pub applied: usize,
    /// Findings fixed, by the display path of the file they are counted in (their own, or the
    /// file their fix edits).
    pub applied_in: BTreeMap<String, usize>,
    /// The report after fixing (what is left).
    pub remaining: Report,
    /// Every source, as fixed.
    pub sources: Vec<SourceFile>,
    /// The display paths reported on (`None`: every source; see [`engine::Workset`]).
    pub requested: Option<std::collections::BTreeSet<String>>,
}

/// Fix the files under `paths` with every fix at least as safe as `level`, in memory; write
/// nothing (see [`write_all`]). Files named explicitly are judged with their project's other files
/// (whose facts a fix may need, and which a fix may edit: a factory fixed where it is defined).
pub fn fix_paths(
    paths: &[PathBuf],
    settings: &Settings,
    level: Applicability,
) -> Result<FixOutcome, RunError> {
    Ok(fix_workset(
        engine::load_workset(paths, None, settings)?,
        settings,
        level,
    ))
}

/// Fix loaded sources in memory (see [`fix_paths`]); every source is reported on.
pub fn fix_sources(
    sources: Vec<SourceFile>,
    settings: &Settings,
    level: Applicability,
) -> FixOutcome {
    fix_workset(
        engine::Workset::of_sources(sources, settings),
        settings,
        level,
    )
}

/// Fix a [`Workset`] in memory.
pub fn fix_workset(
    mut work: engine::Workset,
    settings: &Settings,
    level: Applicability,
) -> FixOutcome {
    let originals: BTreeMap<String, String> = work
        .sources
        .iter()
        .map(|s| (s.display.clone(), s.text.to_string()))
        .collect();
    let mut outcome = FixOutcome::default();
    let mut report = engine::check_workset(&work, settings);
    for _ in 0..MAX_PASSES {
        // Edits per file, from the fixes of the requested safety.
        let per_file = select_edits(&report, level);
        let mut changed_any = false;
        let mut updates: Vec<(String, String)> = Vec::new();
        for source in work.sources.iter() {
            let Some((edits, fixes)) = per_file.get(&source.display) else {
                continue;
            };
            let crlf = source.text.contains("\r\n");
            let edits: Vec<Edit> = edits
                .iter()
                .map(|e| Edit {
                    span: e.span,
                    content: if crlf {
                        to_crlf(&e.content)
                    } else {
                        e.content.clone()
                    },
                })
                .collect();
            let (new_text, n) = apply_edits(&source.text, &edits);
            if n == 0 || *new_text == *source.text {
                continue;
            }
            if lang::parses_cleanly(source.lang, &source.text)
                && !lang::parses_cleanly(source.lang, &new_text)
            {
                outcome.dropped.push(DroppedFix {
                    path: source.display.clone(),
                    message: "a fix would introduce a syntax error; the file was left as it was"
                        .into(),
                });
                continue;
            }
            if let Some(name) = redeclared(source.lang, &source.text, &new_text) {
                outcome.dropped.push(DroppedFix {
                    path: source.display.clone(),
                    message: format!(
                        "a fix would declare `{name}` twice at module level; the file was left as it was"
                    ),
                });
                continue;
            }
            updates.push((source.display.clone(), new_text));
            outcome.applied += fixes;
            *outcome
                .applied_in
                .entry(source.display.clone())
                .or_default() += fixes;
            changed_any = true;
        }
        for (display, text) in updates {
            work.set_text(&display, text);
        }
        if !changed_any {
            break;
        }
        report = engine::check_workset(&work, settings);
        // Files dropped once are not retried.
        let dropped: Vec<String> = outcome.dropped.iter().map(|d| d.path.clone()).collect();
        report
            .diagnostics
            .iter_mut()
            .filter(|d| dropped.contains(&d.path))
            .for_each(|d| d.fix = None);
    }
    for s in &work.sources {
        if let Some(old) = originals.get(&s.display)
            && **old != *s.text
        {
            outcome.changed.push((
                s.display.clone(),
                s.path.clone(),
                old.clone(),
                s.text.to_string(),
            ));
        }
    }
    outcome.remaining = report;
    outcome.requested = work.requested;
    outcome.sources = work.sources;
    outcome
}

/// The edits of every fix at least as safe as `level`, per file, with how many fixes they make:
/// a fix's edits (in its own file and in others) go in together or not at all, and a fix
/// overlapping one already taken waits for the next pass. An edit identical to one already taken
/// (two call sites fixed by the same edit at their factory) is shared, not a conflict.
fn select_edits(report: &Report, level: Applicability) -> BTreeMap<String, (Vec<Edit>, usize)> {
    let mut per_file: BTreeMap<String, (Vec<Edit>, usize)> = BTreeMap::new();
    for d in &report.diagnostics {
        let Some((fix, resolved)) = &d.fix else {
            continue;
        };
        if fix.applicability < level
            || fix.applicability == Applicability::DisplayOnly
            || resolved.is_empty()
        {
            continue;
        }
        // This fix's new edits, per file; the whole fix waits when one of them conflicts.
        let mut wanted: BTreeMap<&str, Vec<Edit>> = BTreeMap::new();
        let mut conflict = false;
        for r in resolved {
            let e = Edit {
                span: r.span,
                content: r.content.clone(),
            };
            let taken = per_file
                .get(&r.path)
                .map(|(t, _)| t.as_slice())
                .unwrap_or(&[]);
            if taken.contains(&e) {
                continue;
            }
            let mine = wanted.entry(r.path.as_str()).or_default();
            // Edits of one fix that overlap each other cannot all apply: the fix is not
            // applied (never partly).
            let self_overlap = mine
                .iter()
                .any(|x| e.span.start < x.span.end && x.span.start < e.span.end);
            if self_overlap || overlaps_any(std::slice::from_ref(&e), taken) {
                conflict = true;
                break;
            }
            mine.push(e);
        }
        if conflict {
            continue;
        }
        // Counted once: in its own file, or in the first file it edits when that is another (a
        // fix whose edits were all taken by another finding's counts where they apply: the file
        // must change for it to count).
        let counted = if wanted.contains_key(d.path.as_str()) {
            d.path.clone()
        } else {
            wanted
                .keys()
                .next()
                .map(|p| p.to_string())
                .or_else(|| resolved.first().map(|r| r.path.clone()))
                .unwrap_or_else(|| d.path.clone())
        };
        per_file.entry(counted).or_default().1 += 1;
        for (path, edits) in wanted {
            per_file
                .entry(path.to_string())
                .or_default()
                .0
                .extend(edits);
        }
    }
    per_file
}

/// Do any of `new` overlap any of `taken`? Two insertions at the same point overlap too (their
/// order would be arbitrary: the second waits for the next pass).
fn overlaps_any(new: &[Edit], taken: &[Edit]) -> bool {
    new.iter().any(|e| {
        taken.iter().any(|x| {
            (e.span.start < x.span.end && x.span.start < e.span.end) || e.span.start == x.span.start
        })
    })
}

fn to_crlf(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\n', "\r\n")
}

/// What [`write_all`] did.
#[derive(Debug, Default)]
pub struct Written {
    /// Display paths of the files written.
    pub written: Vec<String>,
    /// Files that could not be written (then, as far as it can, nothing is written).
    pub errors: Vec<DroppedFix>,
}

/// Write every changed file, all or none: every file is first checked (still as it was read,
/// not read-only, writable) and its new text written to a temporary file beside it; only when all
/// of them succeed are the temporary files renamed over the originals. A file that changed on
/// disk, a read-only file and a directory that cannot be written to are errors.
pub fn write_all(outcome: &FixOutcome) -> Written {
    let mut staged = Vec::new();
    let mut result = Written::default();
    for (display, path, old, new) in &outcome.changed {
        match stage(path, old, new) {
            Ok(tmp) => staged.push((display, path, old, tmp)),
            Err(message) => result.errors.push(DroppedFix {
                path: display.clone(),
                message,
            }),
        }
    }
    if !result.errors.is_empty() {
        // The temporary files are removed when dropped.
        return result;
    }
    for (display, path, old, tmp) in staged {
        match commit(path, old, tmp) {
            Ok(()) => result.written.push(display.clone()),
            Err(message) => result.errors.push(DroppedFix {
                path: display.clone(),
                message,
            }),
        }
    }
    result
}

/// The file's text as connlint reads it (without a byte-order mark), and whether it has one.
fn current_text(path: &Path) -> Result<(Vec<u8>, bool), String> {
    let mut bytes = crate::readfile::read_regular(path, crate::readfile::MAX_AUX_READ)
        .map_err(|e| format!("cannot read it again: {e}"))?;
    let bom = bytes.starts_with(&[0xEF, 0xBB, 0xBF]);
    if bom {
        bytes.drain(..3);
    }
    Ok((bytes, bom))
}

/// Check that `path` still holds `old` and may be rewritten, and write `new` (with the file's
/// byte-order mark and permissions) to a temporary file in the same directory.
/// The file a write goes to: a symlink's target (`src/db.ts -> ../shared/db.ts` fixes
/// `shared/db.ts` and keeps the link), else the path itself.
fn write_target(path: &Path) -> Result<std::path::PathBuf, String> {
    let link = std::fs::symlink_metadata(path)
        .map_err(|e| format!("cannot write: {e}"))?
        .file_type()
        .is_symlink();
    if link {
        std::fs::canonicalize(path)
            .map_err(|e| format!("cannot follow the symlink to write through it: {e}"))
    } else {
        Ok(path.to_path_buf())
    }
}

/// A fixed text written beside its file, ready to take its place.
struct Staged {
    tmp: tempfile::NamedTempFile,
    /// The staged file could not be given the original's owner and group (a file of the user's
    /// in a group the user is not in): its text is copied into the original, which keeps its
    /// inode, owner, group and permissions, instead of renamed over it.
    in_place: bool,
}

fn stage(path: &Path, old: &str, new: &str) -> Result<Staged, String> {
    let path = &write_target(path)?;
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot write: {e}"))?;
    // Permission bits, not access(2): root may write to a read-only file, but a file its owner
    // made read-only is not connlint's to rewrite.
    if meta.permissions().readonly() {
        return Err("read-only file; the fix was not written".into());
    }
    let (current, bom) = current_text(path)?;
    if current != old.as_bytes() {
        return Err("changed on disk since connlint read it; the fix was not written".into());
    }
    std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|e| format!("cannot write: {e}"))?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let write = |e: std::io::Error| format!("cannot write to {}: {e}", dir.display());
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{name}.connlint-"))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(write)?;
    if bom {
        tmp.write_all(&[0xEF, 0xBB, 0xBF]).map_err(write)?;
    }
    tmp.write_all(new.as_bytes()).map_err(write)?;
    tmp.as_file().sync_all().map_err(write)?;
    std::fs::set_permissions(tmp.path(), meta.permissions()).map_err(write)?;
    let in_place = !keep_owner(&meta, tmp.path())?;
    Ok(Staged { tmp, in_place })
}

/// Give the staged file the original's owner and group; `false` when that is not allowed (the
/// file is then written in place: a rename must not hand someone's file to whoever ran
/// connlint, nor move it out of its group).
#[cfg(unix)]
fn keep_owner(original: &std::fs::Metadata, staged: &Path) -> Result<bool, String> {
    use std::os::unix::fs::MetadataExt;
    let now = std::fs::metadata(staged).map_err(|e| format!("cannot write: {e}"))?;
    if (now.uid(), now.gid()) == (original.uid(), original.gid()) {
        return Ok(true);
    }
    Ok(std::os::unix::fs::chown(staged, Some(original.uid()), Some(original.gid())).is_ok())
}

#[cfg(not(unix))]
fn keep_owner(_original: &std::fs::Metadata, _staged: &Path) -> Result<bool, String> {
    Ok(true)
}

/// Rename a staged file over `path`, unless `path` changed since it was checked.
fn commit(path: &Path, old: &str, staged: Staged) -> Result<(), String> {
    let path = &write_target(path)?;
    let (current, _) = current_text(path)?;
    if current != old.as_bytes() {
        return Err("changed on disk since connlint read it; the fix was not written".into());
    }
    if staged.in_place {
        // Not atomic, but the only write that keeps the file's group; the staged copy is
        // removed only once the text is in place.
        return std::fs::copy(staged.tmp.path(), path)
            .map(|_| ())
            .map_err(|e| {
                format!(
                    "cannot write in place (the file's group could not be kept by a rename): {e}"
                )
            });
    }
    staged
        .tmp
        .persist(path)
        .map(|_| ())
        .map_err(|e| format!("cannot write: {}", e.error))
}

/// Write `text` to `path` atomically (a temporary file in the same directory and a rename),
/// keeping the file's permissions and its byte-order mark (the text connlint works on has none).
/// A read-only file is refused.
pub fn write_atomic(path: &Path, text: &str) -> std::io::Result<()> {
    let (current, _) = current_text(path).map_err(std::io::Error::other)?;
    let old = String::from_utf8(current).map_err(std::io::Error::other)?;
    let tmp = stage(path, &old, text).map_err(std::io::Error::other)?;
    commit(path, &old, tmp).map_err(std::io::Error::other)
}

/// The report of the files as they are on disk after [`write_all`]: the fixed text of the files
/// written, the original text of the others.
pub fn report_on_disk(outcome: &FixOutcome, written: &Written, settings: &Settings) -> Report {
    let sources: Vec<SourceFile> = outcome
        .sources
        .iter()
        .map(|s| {
            match outcome
                .changed
                .iter()
                .find(|c| c.0 == s.display && !written.written.contains(&c.0))
            {
                Some((_, _, old, _)) => SourceFile::new(
                    s.path.clone(),
                    s.display.clone(),
                    s.rel.clone(),
                    s.lang,
                    old.clone(),
                    s.project.clone(),
                ),
                None => s.clone(),
            }
        })
        .collect();
    let mut work = engine::Workset::of_sources(sources, settings);
    work.requested = outcome.requested.clone();
    engine::check_workset(&work, settings)
}

/// How many of `report`'s findings have an unsafe fix that `--fix` alone does not apply.
pub fn unsafe_only(report: &Report) -> usize {
    report.fixable(Applicability::Unsafe)
}

/// A unified diff of the changes (`--diff`).
pub fn unified_diff(outcome: &FixOutcome) -> String {
    let mut out = String::new();
    for (display, _, old, new) in &outcome.changed {
        out.push_str(&diff_text(display, old, new));
    }
    out
}

/// Fix one in-memory buffer (`--stdin-filename`): the fixed text and what is left.
pub fn fix_text(
    path: &Path,
    text: &str,
    settings: &Settings,
    level: Applicability,
) -> (String, Report) {
    let mut current = text.to_string();
    let mut report = engine::check_source(path, &current, settings);
    let lang = Lang::from_path(path);
    for _ in 0..MAX_PASSES {
        let edits: Vec<Edit> = select_edits(&report, level)
            .into_values()
            .flat_map(|(e, _)| e)
            .collect();
        let (next, n) = apply_edits(&current, &edits);
        if n == 0 || next == current {
            break;
        }
        if let Some(lang) = lang
            && ((lang::parses_cleanly(lang, &current) && !lang::parses_cleanly(lang, &next))
                || redeclared(lang, &current, &next).is_some())
        {
            break;
        }
        current = next;
        report = engine::check_source(path, &current, settings);
    }
    (current, report)
}

/// A unified diff of one buffer.
pub fn diff_text(display: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{display}"), &format!("b/{display}"))
        .to_string()
}

/// Is the fixed text of this language still parseable? (Re-exported for tests.)
pub fn parses(lang: Lang, text: &str) -> bool {
    lang::parses_cleanly(lang, text)
}

/// A name `new` declares more than once at module level (`const`, `let`, `class`, `function`
/// at the start of a line, exported or not) that `old` did not: in JS and TS that is an error
/// the parser does not see (`Identifier 'db' has already been declared`). `var` may repeat.
pub fn redeclared(lang: Lang, old: &str, new: &str) -> Option<String> {
    if !lang.is_js_family() {
        return None;
    }
    fn counts(text: &str) -> std::collections::HashMap<&str, usize> {
        let mut m = std::collections::HashMap::new();
        for line in text.lines() {
            let l = line.strip_prefix("export ").unwrap_or(line);
            let l = l.strip_prefix("async ").unwrap_or(l);
            let Some(rest) = ["const ", "let ", "class ", "function ", "function* "]
                .iter()
                .find_map(|k| l.strip_prefix(k))
            else {
                continue;
            };
            let name = rest
                .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
                .next()
                .unwrap_or("");
            if !name.is_empty() {
                *m.entry(name).or_default() += 1;
            }
        }
        m
    }
    let before = counts(old);
    counts(new)
        .into_iter()
        .find(|(name, n)| *n > 1 && before.get(name).copied().unwrap_or(0) < *n)
        .map(|(name, _)| name.to_string())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::source::Span;

    fn edit(s: usize, e: usize, c: &str) -> Edit {
        Edit {
            span: Span::new(s, e),
            content: c.into(),
        }
    }

    #[test]
    fn a_second_module_level_declaration_is_caught() {
        let old = "const a = 1;\nfunction f() {\n  const db = x();\n}\n";
        let new = "const a = 1;\nconst db = x();\nconst db = y();\nfunction f() {}\n";
        assert_eq!(redeclared(Lang::Ts, old, new).as_deref(), Some("db"));
        // Declarations inside functions, `var`, and Python rebinding are fine.
        let nested = "function f() {\n  const db = 1;\n}\nfunction g() {\n  const db = 2;\n}\n";
        assert_eq!(redeclared(Lang::Ts, "", nested), None);
        assert_eq!(redeclared(Lang::Js, "", "var a = 1;\nvar a = 2;\n"), None);
        assert_eq!(redeclared(Lang::Py, "", "db = 1\ndb = 2\n"), None);
        // A duplicate the file already had is not the fix's.
        let dup = "function f() {}\nfunction f() {}\n";
        assert_eq!(redeclared(Lang::Js, dup, dup), None);
    }

    #[test]
    fn overlapping_edits_wait() {
        let (t, n) = apply_edits(
            "abcdef",
            &[edit(1, 3, "X"), edit(2, 4, "Y"), edit(5, 5, "!")],
        );
        assert_eq!((t.as_str(), n), ("aXde!f", 2));
    }

    #[test]
    fn atomic_write_keeps_bom_and_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.py");
        std::fs::write(&p, b"\xEF\xBB\xBFx = 1\r\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap();
        }
        write_atomic(&p, "x = 2\r\n").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"\xEF\xBB\xBFx = 2\r\n");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                std::fs::metadata(&p).unwrap().permissions().mode() & 0o777,
                0o640
            );
        }
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file is left"
        );
    }

    /// A report with one diagnostic in `a.ts` per list of (start, end, content) edits.
    fn report(fixes: &[&[(usize, usize, &str)]]) -> Report {
        use crate::diagnostic::{Diagnostic, Fix, ResolvedEdit, Severity};
        use crate::source::Position;
        let pos = Position { line: 1, column: 1 };
        let diagnostics = fixes
            .iter()
            .map(|edits| Diagnostic {
                rule: "per-request-client",
                code: "CL101",
                severity: Severity::Error,
                path: "a.ts".into(),
                span: Span::new(0, 1),
                start: pos,
                end: pos,
                message: String::new(),
                help: String::new(),
                label: None,
                related: Vec::new(),
                fix: Some((
                    Fix {
                        message: String::new(),
                        applicability: Applicability::Unsafe,
                        edits: Vec::new(),
                        related_edits: Vec::new(),
                    },
                    edits
                        .iter()
                        .map(|(s, e, c)| ResolvedEdit {
                            path: "a.ts".into(),
                            span: Span::new(*s, *e),
                            start: pos,
                            end: pos,
                            content: (*c).into(),
                        })
                        .collect(),
                )),
            })
            .collect();
        Report {
            diagnostics,
            files_checked: 1,
            ..Report::default()
        }
    }

    #[test]
    fn a_fix_whose_own_edits_overlap_is_not_applied_at_all() {
        // An insertion inside a line the same fix deletes: applying part of it would lose the
        // insertion (an import added where an unused one is removed).
        let r = report(&[
            &[(0, 10, ""), (9, 9, "\nimport x;"), (20, 25, "y")],
            &[(30, 31, "z")],
        ]);
        let chosen = select_edits(&r, Applicability::Unsafe);
        let (edits, fixes) = chosen.get("a.ts").unwrap();
        assert_eq!((edits.clone(), *fixes), (vec![edit(30, 31, "z")], 1));
    }

    #[test]
    fn findings_are_counted_not_edits() {
        // One fix of three edits, and two findings sharing one edit: three findings, four edits.
        let r = report(&[
            &[(0, 1, "a"), (2, 3, "b"), (4, 5, "c")],
            &[(10, 11, "x")],
            &[(10, 11, "x")],
        ]);
        let chosen = select_edits(&r, Applicability::Unsafe);
        let (edits, fixes) = chosen.get("a.ts").unwrap();
        assert_eq!((edits.len(), *fixes), (4, 3));
    }

    #[test]
    fn a_file_changed_on_disk_is_not_written() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("db.py");
        let text = "from sqlalchemy import create_engine\n\nengine = create_engine(\"postgresql://h/db\", pool_size=40)\n";
        std::fs::write(&p, text).unwrap();
        let settings = Settings::default();
        let sources = engine::load_sources(std::slice::from_ref(&p), &settings).unwrap();
        let outcome = fix_sources(sources, &settings, Applicability::Unsafe);
        assert_eq!(outcome.changed.len(), 1);
        let edited = text.replace("40", "30");
        std::fs::write(&p, &edited).unwrap();
        let written = write_all(&outcome);
        assert!(written.written.is_empty());
        assert!(
            written.errors[0].message.contains("changed on disk"),
            "{:?}",
            written.errors
        );
        assert_eq!(std::fs::read_to_string(&p).unwrap(), edited);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        // Unchanged, it is written.
        std::fs::write(&p, text).unwrap();
        assert_eq!(write_all(&outcome).written.len(), 1);
        assert_ne!(std::fs::read_to_string(&p).unwrap(), text);
    }

    #[test]
    fn crlf_content() {
        assert_eq!(to_crlf("a\nb\r\nc"), "a\r\nb\r\nc");
    }
}
