//! Property tests: nesting and chains of every syntactic kind, mixed at random, at depths from
//! 1,000 to 100,000, inside a request handler of each language. Every run ends with exit 0 or 1
//! and a JSON report in which the file is either checked (its per-request client found) or
//! listed under `errors` as not checked — never an abort, whatever the shape. Time is measured
//! by `benches/hostile.py`, not here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{connlint, write};
use proptest::prelude::*;
use serde_json::Value;

/// Per language: the file, its manifest, the code around the nested expression, and the
/// constructs (prefix, suffix) that nest it.
struct Lang {
    file: &'static str,
    manifest: (&'static str, &'static str),
    around: (&'static str, &'static str),
    kinds: &'static [(&'static str, &'static str)],
}

const RUST: Lang = Lang {
    file: "src/main.rs",
    manifest: (
        "Cargo.toml",
        "[package]\nname = \"a\"\nversion = \"0.1.0\"\n[dependencies]\naxum = \"0.7\"\nsqlx = \"0.7\"\ntokio = \"1\"\n",
    ),
    around: (
        "use sqlx::PgPool;\nasync fn handler() -> String {\n    let p = PgPool::connect(\"postgres://x\").await.unwrap();\n    let _x = ",
        ";\n    String::new()\n}\nfn app() -> axum::Router { axum::Router::new().route(\"/\", axum::routing::get(handler)) }\nfn main() {}\n",
    ),
    kinds: &[
        ("|| ", ""),
        ("move || ", ""),
        ("(", ")"),
        ("{ ", " }"),
        ("!", ""),
        ("&", ""),
        ("-", ""),
        ("", ".a()"),
        ("", "?"),
        ("", "[0]"),
        ("", ".f"),
        ("", " + 1"),
        ("1 * ", ""),
        ("if a { ", " } else { 1 }"),
        ("match a { _ => ", " }"),
        ("vec![", "]"),
        ("[", "]"),
        ("(1, ", ")"),
        ("S { a: ", " }"),
        ("unsafe { ", " }"),
        ("loop { break ", " }"),
        ("return ", ""),
        ("", " as u8"),
        ("f(", ")"),
        ("async move { ", " }"),
    ],
};

const TS: Lang = Lang {
    file: "app/api/route.ts",
    manifest: (
        "package.json",
        r#"{"dependencies":{"next":"15.0.0","pg":"8.0.0"}}"#,
    ),
    around: (
        "import { Pool } from 'pg';\nexport async function GET() {\n  const p = new Pool();\n  const x = ",
        ";\n  return p;\n}\n",
    ),
    kinds: &[
        ("() => ", ""),
        ("(", ")"),
        ("[", "]"),
        ("{a: ", "}"),
        ("f(", ")"),
        ("!", ""),
        ("-", ""),
        ("", ".a()"),
        ("", "[0]"),
        ("", " + 1"),
        ("a ? ", " : 1"),
        ("await ", ""),
        ("typeof ", ""),
        ("`${", "}`"),
        ("function () { return ", "; }"),
        ("new C(", ")"),
        ("", " as any"),
        ("", "!"),
        ("...", ""),
    ],
};

const PY: Lang = Lang {
    file: "app/main.py",
    manifest: (
        "pyproject.toml",
        "[project]\nname = \"a\"\ndependencies = [\"fastapi\", \"sqlalchemy\"]\n",
    ),
    around: (
        "from fastapi import FastAPI\nimport sqlalchemy\napp = FastAPI()\n\n@app.get('/')\ndef index():\n    e = sqlalchemy.create_engine('postgresql://x')\n    x = ",
        "\n    return e\n",
    ),
    kinds: &[
        ("(", ")"),
        ("[", "]"),
        ("lambda: ", ""),
        ("not ", ""),
        ("f(", ")"),
        ("", ".a()"),
        ("", "[0]"),
        ("", " + 1"),
        ("-", ""),
        ("{1: ", "}"),
        ("[", " for y in z]"),
        ("(1, ", ")"),
        ("", " if a else 1"),
        ("await ", ""),
        ("{", "}"),
    ],
};

/// The file: `picks` chooses each level's construct, `depth` levels deep.
fn nested(lang: &Lang, depth: usize, picks: &[prop::sample::Index]) -> String {
    let (mut head, mut tail) = (String::new(), Vec::with_capacity(depth));
    for i in 0..depth {
        let (pre, post) = lang.kinds[picks[i % picks.len()].index(lang.kinds.len())];
        head.push_str(pre);
        tail.push(post);
    }
    let mut text = String::from(lang.around.0);
    text.push_str(&head);
    text.push('1');
    for post in tail.iter().rev() {
        text.push_str(post);
    }
    text.push_str(lang.around.1);
    text
}

fn check(lang: &Lang, depth: usize, picks: &[prop::sample::Index]) -> Result<(), TestCaseError> {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), lang.manifest.0, lang.manifest.1);
    write(dir.path(), lang.file, &nested(lang, depth, picks));
    let out = connlint()
        .current_dir(dir.path())
        .args(["--no-cache", "--no-skip-generated", "--format", "json", "."])
        .output()
        .unwrap();
    let code = out.status.code();
    prop_assert!(
        code == Some(0) || code == Some(1),
        "exit {:?}: {}",
        code,
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let listed = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["path"] == lang.file);
    let found = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["path"] == lang.file);
    prop_assert!(
        listed || found,
        "{} neither checked nor listed: {}",
        lang.file,
        v["errors"]
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, ..ProptestConfig::default() })]

    #[test]
    fn rust_nesting_of_any_kind_ends_well(depth in 1_000usize..100_000, picks in prop::collection::vec(any::<prop::sample::Index>(), 1..8)) {
        check(&RUST, depth, &picks)?;
    }

    #[test]
    fn typescript_nesting_of_any_kind_ends_well(depth in 1_000usize..100_000, picks in prop::collection::vec(any::<prop::sample::Index>(), 1..8)) {
        check(&TS, depth, &picks)?;
    }

    #[test]
    fn python_nesting_of_any_kind_ends_well(depth in 1_000usize..100_000, picks in prop::collection::vec(any::<prop::sample::Index>(), 1..8)) {
        check(&PY, depth, &picks)?;
    }
}

/// Shapes the property tests once drew that took minutes: calls of a factory given options,
/// each nested in the options of the next (every call asked for the function around it, a
/// climb from the root per level), and listeners inside effects inside listeners (every effect
/// read every effect inside it). Each must be checked, not skipped over budget.
#[test]
fn typescript_nestings_that_once_crawled_are_checked() {
    let shapes = [
        ("f(-f({a: -[...", "]})})"),
        ("useEffect(() => { x.on('e', () => ", "); }, [])"),
        ("x.on('e', () => () => ", ")"),
    ];
    for (pre, post) in shapes {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "package.json",
            r#"{"dependencies":{"next":"15.0.0","pg":"8.0.0","react":"19.0.0"}}"#,
        );
        let mut text = String::from("import { useEffect } from 'react';\n");
        text.push_str(TS.around.0);
        text.push_str(&pre.repeat(1000));
        text.push('1');
        text.push_str(&post.repeat(1000));
        text.push_str(TS.around.1);
        write(dir.path(), TS.file, &text);
        let out = connlint()
            .current_dir(dir.path())
            .args(["--no-cache", "--no-skip-generated", "--format", "json", "."])
            .output()
            .unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            v["errors"].as_array().unwrap().len(),
            0,
            "{pre}: {}",
            v["errors"]
        );
        assert!(
            v["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .any(|d| d["path"] == TS.file && d["code"] == "CL101"),
            "{pre}: {}",
            v["diagnostics"]
        );
    }
}
