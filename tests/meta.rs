//! Checks of the project's own promises: every rule documented with the fixed sections, a bad and
//! a good fixture case per declared language, the editor packages, the source layers and the
//! coverage document. The generated tables and pages of the book (the rule table from the
//! registry, the library table from the catalogue) are checked by `tests/docs.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use connlint::rules::ALL;
use connlint::source::Lang;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_rule_doc_has_the_required_sections() {
    for r in ALL {
        let m = r.meta();
        assert!(
            m.doc.starts_with(&format!("# {} ({})", m.id, m.code)),
            "{}: doc must start with its title",
            m.id
        );
        for section in [
            "## What it does",
            "## Why is this bad?",
            "## Example",
            "## Fix safety",
            "## References",
        ] {
            assert!(
                m.doc.contains(section),
                "rules/{}.md lacks `{section}`",
                m.id
            );
        }
        assert!(root().join(format!("rules/{}.md", m.id)).is_file());
    }
}

fn prefix(lang: Lang) -> &'static str {
    match lang {
        Lang::Ts => "ts",
        Lang::Tsx => "tsx",
        Lang::Js => "js",
        Lang::Py => "py",
        Lang::Rs => "rs",
        Lang::Env => "env",
    }
}

#[test]
fn every_rule_has_bad_and_good_cases_for_each_language() {
    let mut missing = Vec::new();
    for r in ALL {
        let m = r.meta();
        let dir = root().join("fixtures").join(m.id);
        let names: Vec<String> = std::fs::read_dir(&dir)
            .map(|rd| {
                rd.filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        for lang in m.langs {
            for polarity in ["bad", "good"] {
                let want = format!("{polarity}-{}-", prefix(*lang));
                if !names.iter().any(|n| n.starts_with(&want)) {
                    missing.push(format!("fixtures/{}/{want}*", m.id));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "missing fixture cases:\n{}",
        missing.join("\n")
    );
}

/// The VS Code extension and the editor docs speak the server's contract: the settings the server
/// reads (`unsafeFixes`, `configPath` in src/lsp/server.rs), the `lsp` subcommand, the fix-all kind.
#[test]
fn editor_packages_match_the_language_server() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |p: &str| std::fs::read_to_string(root.join(p)).unwrap();
    let server = read("src/lsp/server.rs");
    let manifest: serde_json::Value =
        serde_json::from_str(&read("editors/vscode/package.json")).unwrap();
    let extension = read("editors/vscode/src/extension.ts");
    let docs = read("editors/README.md");
    for key in ["unsafeFixes", "configPath"] {
        assert!(
            server.contains(&format!("v[\"{key}\"]")),
            "the server reads {key}"
        );
        assert!(
            extension.contains(&format!("{key}:")),
            "the extension sends {key}"
        );
        assert!(docs.contains(key), "editors/README.md documents {key}");
        let setting = format!("connlint.{key}");
        assert!(
            manifest["contributes"]["configuration"]["properties"][&setting].is_object(),
            "package.json declares {setting}"
        );
    }
    assert!(extension.contains(r#"args: ["lsp"]"#));
    assert!(server.contains(r#"pub const FIX_ALL: &str = "source.fixAll.connlint";"#));
    assert!(read("editors/vscode/README.md").contains("source.fixAll.connlint"));
    assert!(docs.contains(r#"'connlint', 'lsp'"#) && docs.contains(r#"args = ["lsp"]"#));
}

/// The layers of `src/`, lowest first (ARCHITECTURE.md, "Invariants"): a module imports only modules of
/// lower layers, so the tree reads one way. Test code (`#[cfg(test)]` and `tests/` folders) is
/// free.
const LAYERS: &[&[&str]] = &[
    &["readfile", "generated"],
    &["pgbouncer"],
    &["project", "uri"],
    &["source"],
    &["snippet", "diagnostic", "facts"],
    &["catalog", "fingerprint"],
    &["connurl", "baseline", "deploy", "livedb"],
    &["lang", "config", "pools", "callgraph", "cache", "discover"],
    &["exports", "imports", "suppress", "prefilter"],
    &["cx"],
    &["fixgen", "budget"],
    &["rules"],
    &["engine", "report"],
    &["fix"],
    &["lsp"],
    &["cli"],
];

#[test]
fn source_modules_import_only_lower_layers() {
    let rank = |m: &str| LAYERS.iter().position(|l| l.contains(&m));
    let mut bad = Vec::new();
    let src = root().join("src");
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if path.is_dir() {
                if name != "tests" {
                    stack.push(path);
                }
                continue;
            }
            if !name.ends_with(".rs") || name == "tests.rs" {
                continue;
            }
            let rel = path
                .strip_prefix(&src)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let top = rel.split('/').next().unwrap().trim_end_matches(".rs");
            if top == "lib" || top == "main" {
                continue;
            }
            let mine = rank(top)
                .unwrap_or_else(|| panic!("src/{rel}: module `{top}` has no layer in LAYERS"));
            let text = std::fs::read_to_string(&path).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            for line in code.lines().filter(|l| !l.trim_start().starts_with("//")) {
                for (i, _) in line.match_indices("crate::") {
                    let dep: String = line[i + 7..]
                        .chars()
                        .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                        .collect();
                    // `crate::db` inside a Rust front-end's string literal is not an import.
                    let Some(theirs) = rank(&dep) else { continue };
                    if dep != top && theirs >= mine {
                        bad.push(format!("src/{rel}: {top} imports {dep}"));
                    }
                }
            }
        }
    }
    bad.sort();
    bad.dedup();
    assert!(
        bad.is_empty(),
        "imports against the layers:\n{}",
        bad.join("\n")
    );
}

/// The `.rs` files under `dir`, recursively, as (path relative to the crate root, text).
fn rust_files(dir: &std::path::Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path
                    .strip_prefix(root())
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// Files of `src/` longer than [`MAX_LINES`] when the limit came in (front-end passes not yet
/// split along their stages): they may shrink, not grow, and leave this list once under it.
const LONG_FILES: &[(&str, usize)] = &[];

/// The most lines a source file of `src/` may have: a longer one is split along its stages
/// into a folder module (as `engine/` and `catalog/` are).
const MAX_LINES: usize = 1200;

#[test]
fn no_source_file_is_too_long() {
    let mut bad = Vec::new();
    for (rel, text) in rust_files(&root().join("src")) {
        let lines = text.lines().count();
        let limit = LONG_FILES
            .iter()
            .find(|(p, _)| *p == rel)
            .map_or(MAX_LINES, |(_, n)| *n);
        if lines > limit {
            bad.push(format!("{rel}: {lines} lines (at most {limit})"));
        }
    }
    for (rel, _) in LONG_FILES {
        let text = std::fs::read_to_string(root().join(rel)).unwrap_or_default();
        if text.lines().count() <= MAX_LINES {
            bad.push(format!(
                "{rel}: now at most {MAX_LINES} lines, drop it from LONG_FILES"
            ));
        }
    }
    assert!(bad.is_empty(), "source files too long:\n{}", bad.join("\n"));
}

/// Rules (and the budget, which judges as a rule does) read facts, never a front-end: what a
/// front-end knows of a file (whether it is an entry script, …) is extracted into its facts.
#[test]
fn rules_do_not_import_a_front_end() {
    let mut files = rust_files(&root().join("src/rules"));
    files.push((
        "src/budget.rs".into(),
        std::fs::read_to_string(root().join("src/budget.rs")).unwrap(),
    ));
    let mut bad = Vec::new();
    for (rel, text) in files {
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in code.lines().enumerate() {
            if !line.trim_start().starts_with("//") && line.contains("crate::lang") {
                bad.push(format!("{rel}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(bad.is_empty(), "front-end imports:\n{}", bad.join("\n"));
}

/// `rules/catalog/COVERAGE.md` and the catalogue agree: every `covered` row names a catalogue
/// library of its language, and every catalogue library has a `covered` row.
#[test]
fn coverage_doc_matches_the_catalogue() {
    let doc = std::fs::read_to_string(root().join("rules/catalog/COVERAGE.md")).unwrap();
    let cat = connlint::catalog::Catalog::builtin().unwrap();
    let mut covered: std::collections::BTreeSet<(String, String)> = Default::default();
    let mut language = "";
    for line in doc.lines() {
        if line.starts_with("### TypeScript") {
            language = "typescript";
        } else if line.starts_with("### Python") {
            language = "python";
        } else if line.starts_with("### Rust") {
            language = "rust";
        } else if line.starts_with("## Frameworks") {
            language = "";
        }
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if language.is_empty() || cells.len() < 6 || cells[4] != "covered" {
            continue;
        }
        covered.insert((language.to_string(), cells[5].to_string()));
    }
    let mut libraries: std::collections::BTreeSet<(String, String)> = Default::default();
    for (language, lc) in [
        ("typescript", &cat.js),
        ("python", &cat.py),
        ("rust", &cat.rs),
    ] {
        for c in &lc.clients {
            libraries.insert((language.to_string(), c.library.clone()));
        }
    }
    let unknown: Vec<_> = covered.difference(&libraries).collect();
    let missing: Vec<_> = libraries.difference(&covered).collect();
    assert!(
        unknown.is_empty(),
        "COVERAGE.md marks as covered libraries the catalogue lacks: {unknown:?}"
    );
    assert!(
        missing.is_empty(),
        "catalogue libraries without a `covered` row in COVERAGE.md: {missing:?}"
    );
}
