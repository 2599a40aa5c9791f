//! The bundled demo (`examples/demo/`) gives the findings README.md promises: the same rules at
//! the same lines, every one with a help, readable in one scroll.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

/// (path, line, rule) of every finding on the demo, in report order.
const EXPECTED: &[(&str, u64, &str)] = &[
    ("examples/demo/api/app/database.py", 9, "oversized-pool"),
    ("examples/demo/api/app/database.py", 17, "unclosed-session"),
    (
        "examples/demo/api/app/routers/reports.py",
        12,
        "per-request-client",
    ),
    (
        "examples/demo/api/app/routers/reports.py",
        12,
        "oversized-pool",
    ),
    (
        "examples/demo/service/src/main.rs",
        13,
        "per-request-client",
    ),
    (
        "examples/demo/web/app/api/orders/route.ts",
        6,
        "per-request-client",
    ),
    (
        "examples/demo/web/components/SupportChat.tsx",
        10,
        "per-request-client",
    ),
    (
        "examples/demo/web/components/SupportChat.tsx",
        14,
        "effect-missing-cleanup",
    ),
    ("examples/demo/web/lib/prisma.ts", 4, "hot-reload-client"),
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn connlint() -> Command {
    let mut cmd = Command::cargo_bin("connlint").unwrap();
    cmd.current_dir(root()).env_remove("CONNLINT_CACHE_DIR");
    cmd
}

#[test]
fn the_demo_gives_the_documented_findings() {
    let out = connlint()
        .args(["check", "--no-cache", "--format", "json", "examples/demo/"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "the demo has error-level findings"
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let got: Vec<(String, u64, String)> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            assert!(
                !d["help"].as_str().unwrap_or("").is_empty(),
                "every finding has a help: {d}"
            );
            (
                d["path"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want: Vec<(String, u64, String)> = EXPECTED
        .iter()
        .map(|(p, l, r)| (p.to_string(), *l, r.to_string()))
        .collect();
    assert_eq!(
        got, want,
        "the demo's findings changed: update examples/demo (or EXPECTED here, README.md and \
         examples/demo/README.md, which describe them)"
    );
    assert_eq!(
        doc["errors"].as_array().unwrap().len(),
        0,
        "{}",
        doc["errors"]
    );
}

/// The default (human) report fits one scroll, and README.md states its count and its last line.
#[test]
fn the_demo_report_is_short_and_the_readme_says_what_it_prints() {
    let out = connlint()
        .args(["check", "--no-cache", "--color", "never", "examples/demo/"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines = text.lines().count();
    assert!(lines <= 200, "the demo's report is {lines} lines long");
    let summary = format!("Found {} errors and 0 warnings", EXPECTED.len());
    assert!(text.contains(&summary), "{text}");
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    assert!(
        readme.contains(&summary),
        "README.md should quote the demo's summary line `{summary}`"
    );
    assert!(readme.contains("check examples/demo/"));
    let demo = std::fs::read_to_string(root().join("examples/demo/README.md")).unwrap();
    assert!(demo.contains(&format!("{} findings", EXPECTED.len())));
}
