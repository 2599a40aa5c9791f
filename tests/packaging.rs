//! The packaging's promises that hold without building anything: one table of platforms that the
//! npm launcher package, the release workflow and the VS Code targets all follow; one version
//! (Cargo.toml's) that every copy repeats and `scripts/version.py set` rewrites; the wheel-based
//! pre-commit hooks equal to the source-built ones; the Action's wiring; the crate's contents.
//! Installing the built artefacts is `scripts/test-dist.sh` (run by `.ci/run`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use saphyr::{LoadableYamlNode, Yaml};
use serde_json::Value;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn json(path: &str) -> Value {
    serde_json::from_str(&read(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn yaml(path: &str) -> Yaml<'static> {
    let text: &'static str = Box::leak(read(path).into_boxed_str());
    Yaml::load_from_str(text)
        .unwrap_or_else(|e| panic!("{path}: {e}"))
        .into_iter()
        .next()
        .unwrap()
}

/// Run `cmd`, which must succeed; its output.
fn run_ok(cmd: &mut Command) -> std::process::Output {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{:?}: {}{}",
        cmd,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn cargo_version() -> String {
    let manifest: toml::Table = read("Cargo.toml").parse().unwrap();
    manifest["package"]["version"].as_str().unwrap().to_string()
}

/// The Rust targets of packaging/platforms.json.
fn platforms() -> Vec<Value> {
    json("packaging/platforms.json")["platforms"]
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn the_npm_package_depends_on_one_package_per_platform_at_its_own_version() {
    let version = cargo_version();
    let main = json("packaging/npm/connlint/package.json");
    assert_eq!(main["version"], version.as_str());
    let optional: BTreeSet<(String, String)> = main["optionalDependencies"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string()))
        .collect();
    let expected: BTreeSet<(String, String)> = platforms()
        .iter()
        .map(|p| (p["npm"].as_str().unwrap().to_string(), version.clone()))
        .collect();
    assert_eq!(optional, expected);
    // What the launcher needs is in the package.
    assert_eq!(main["bin"]["connlint"], "bin/connlint.js");
    let files: Vec<&str> = main["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    for needed in ["bin/connlint.js", "platforms.json"] {
        assert!(files.contains(&needed), "{needed} not in files: {files:?}");
    }
    // No install scripts: nothing runs, nothing is downloaded at install.
    assert!(main.get("scripts").is_none(), "{:?}", main["scripts"]);
}

#[test]
fn every_platform_has_an_npm_os_cpu_and_a_vscode_target_that_exist() {
    // vsce's targets (`vsce package --target`) and Node's process.platform / process.arch.
    let vscode = [
        "win32-x64",
        "win32-arm64",
        "linux-x64",
        "linux-arm64",
        "linux-armhf",
        "darwin-x64",
        "darwin-arm64",
        "alpine-x64",
        "alpine-arm64",
    ];
    let mut npm_names = BTreeSet::new();
    for p in platforms() {
        let rust = p["rust"].as_str().unwrap();
        let os = p["os"].as_str().unwrap();
        let cpu = p["cpu"].as_str().unwrap();
        assert!(
            ["linux", "darwin", "win32"].contains(&os),
            "{rust}: os {os}"
        );
        assert!(["x64", "arm64"].contains(&cpu), "{rust}: cpu {cpu}");
        assert!(
            vscode.contains(&p["vscode"].as_str().unwrap()),
            "{rust}: {}",
            p["vscode"]
        );
        // The Rust target agrees with the npm fields.
        let arch = if cpu == "x64" { "x86_64" } else { "aarch64" };
        assert!(rust.starts_with(arch), "{rust} is not {cpu}");
        match os {
            "linux" => {
                let libc = p["libc"].as_str().unwrap();
                let abi = if libc == "musl" { "musl" } else { "gnu" };
                assert!(rust.ends_with(&format!("linux-{abi}")), "{rust} vs {libc}");
                assert_eq!(
                    p["vscode"].as_str().unwrap().starts_with("alpine"),
                    libc == "musl"
                );
            }
            "darwin" => assert!(rust.ends_with("apple-darwin"), "{rust}"),
            _ => assert!(rust.ends_with("windows-msvc"), "{rust}"),
        }
        assert!(npm_names.insert(p["npm"].as_str().unwrap().to_string()));
    }
}

#[test]
fn the_release_workflow_builds_every_platform_and_nothing_else() {
    let workflow = yaml(".github/workflows/release.yml");
    let include = workflow["jobs"]["build"]["strategy"]["matrix"]["include"]
        .as_vec()
        .unwrap();
    let built: BTreeSet<&str> = include
        .iter()
        .map(|e| e["target"].as_str().unwrap())
        .collect();
    let listed: Vec<Value> = platforms();
    let listed: BTreeSet<&str> = listed.iter().map(|p| p["rust"].as_str().unwrap()).collect();
    assert_eq!(built, listed);
    // Linux wheels are built in the manylinux / musllinux images.
    for e in include {
        let target = e["target"].as_str().unwrap();
        if target.contains("linux") {
            let want = if target.ends_with("musl") {
                "musllinux_1_2"
            } else {
                "2014"
            };
            assert_eq!(e["manylinux"].as_str(), Some(want), "{target}");
        }
    }
    // The build job packages with the same script as scripts/dist.sh.
    let text = read(".github/workflows/release.yml");
    assert!(text.contains("scripts/package-platform.sh"));
    assert!(text.contains("scripts/package-npm.sh"));
    assert!(read("scripts/dist.sh").contains("scripts/package-platform.sh"));
}

#[test]
fn every_copy_of_the_version_is_cargo_tomls_and_set_rewrites_them_all() {
    run_ok(
        Command::new("python3")
            .arg(root().join("scripts/version.py"))
            .arg("check"),
    );
    let vscode = json("editors/vscode/package.json");
    assert_eq!(vscode["version"], cargo_version().as_str());

    // `set` on a copy of the files it edits: every copy moves, check still passes.
    let tmp = tempfile::tempdir().unwrap();
    for file in [
        "Cargo.toml",
        "README.md",
        "action.yml",
        "scripts/version.py",
        "packaging/npm/connlint/package.json",
        "editors/vscode/package.json",
        "packaging/pre-commit/pyproject.toml",
        "packaging/pre-commit/README.md",
        "packaging/gitlab/connlint.gitlab-ci.yml",
        "examples/github-actions.yml",
        "examples/gitlab-ci.yml",
        "docs/src/installation.md",
        "docs/src/integrations/ci.md",
        "docs/src/integrations/pre-commit.md",
    ] {
        let to = tmp.path().join(file);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(root().join(file), to).unwrap();
    }
    let script = tmp.path().join("scripts/version.py");
    run_ok(Command::new("python3").arg(&script).args(["set", "7.8.9"]));
    let get = Command::new("python3").arg(&script).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&get.stdout).trim(), "7.8.9");
    let npm: Value = serde_json::from_str(
        &std::fs::read_to_string(tmp.path().join("packaging/npm/connlint/package.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(npm["version"], "7.8.9");
    assert!(
        npm["optionalDependencies"]
            .as_object()
            .unwrap()
            .values()
            .all(|v| v == "7.8.9")
    );
    let action = std::fs::read_to_string(tmp.path().join("action.yml")).unwrap();
    assert!(action.contains("default: \"7.8.9\""), "{action}");
    let pin =
        std::fs::read_to_string(tmp.path().join("packaging/pre-commit/pyproject.toml")).unwrap();
    assert!(pin.contains("\"connlint==7.8.9\""), "{pin}");
    let example = std::fs::read_to_string(tmp.path().join("examples/github-actions.yml")).unwrap();
    assert!(example.contains("connlint/connlint@v7.8.9"), "{example}");
    // The JSON files keep their layout: only the version strings changed.
    let before = read("editors/vscode/package.json");
    let after = std::fs::read_to_string(tmp.path().join("editors/vscode/package.json")).unwrap();
    assert_eq!(before.lines().count(), after.lines().count());

    // A copy out of step fails the check, naming the file.
    std::fs::write(
        tmp.path().join("action.yml"),
        action.replace("7.8.9", "7.8.8"),
    )
    .unwrap();
    let out = Command::new("python3")
        .arg(&script)
        .arg("check")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("action.yml"));
}

#[test]
fn the_wheel_hooks_are_the_source_hooks_installed_with_python() {
    let source = yaml(".pre-commit-hooks.yaml");
    let wheel = yaml("packaging/pre-commit/.pre-commit-hooks.yaml");
    let source = source.as_vec().unwrap();
    let wheel = wheel.as_vec().unwrap();
    assert_eq!(source.len(), wheel.len());
    for (s, w) in source.iter().zip(wheel) {
        assert_eq!(s["language"].as_str(), Some("rust"));
        assert_eq!(w["language"].as_str(), Some("python"));
        for key in [
            "id",
            "name",
            "entry",
            "files",
            "require_serial",
            "minimum_pre_commit_version",
        ] {
            assert_eq!(s[key], w[key], "{key} of {:?}", s["id"]);
        }
        assert_eq!(s["types"], w["types"]);
    }
    // The mirror installs the wheel of this version.
    let pyproject: toml::Table = read("packaging/pre-commit/pyproject.toml").parse().unwrap();
    let deps = pyproject["project"]["dependencies"].as_array().unwrap();
    assert_eq!(
        deps[0].as_str().unwrap(),
        format!("connlint=={}", cargo_version())
    );
}

#[test]
fn the_wheel_is_the_binary_and_a_python_m_shim() {
    let pyproject: toml::Table = read("pyproject.toml").parse().unwrap();
    let maturin = &pyproject["tool"]["maturin"];
    assert_eq!(maturin["bindings"].as_str(), Some("bin"));
    let source = maturin["python-source"].as_str().unwrap();
    assert!(root().join(source).join("connlint/__main__.py").is_file());
    // The version comes from Cargo.toml, not a second copy.
    let project = &pyproject["project"];
    assert!(project.get("version").is_none());
    assert!(
        project["dynamic"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d.as_str() == Some("version"))
    );
    assert!(root().join(project["readme"].as_str().unwrap()).is_file());
}

#[test]
fn the_action_runs_its_script_with_the_inputs_it_declares() {
    let action = yaml("action.yml");
    assert_eq!(action["runs"]["using"].as_str(), Some("composite"));
    let text = read("action.yml");
    let declared: BTreeSet<String> = action["inputs"]
        .as_mapping()
        .unwrap()
        .keys()
        .map(|k| k.as_str().unwrap().to_string())
        .collect();
    for used in text.split("inputs.").skip(1) {
        let name: String = used
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        assert!(declared.contains(&name), "inputs.{name} is not declared");
    }
    assert!(text.contains("$GITHUB_ACTION_PATH/packaging/action/run.sh"));
    assert!(root().join("packaging/action/run.sh").is_file());
    // Every CONNLINT_* variable the script reads is set by the step.
    let script = read("packaging/action/run.sh");
    for var in [
        "CONNLINT_VERSION",
        "CONNLINT_PATHS",
        "CONNLINT_ARGS",
        "CONNLINT_SARIF",
        "CONNLINT_BUDGET",
    ] {
        assert!(script.contains(var), "{var}");
        assert!(text.contains(&format!("{var}: ${{{{ inputs.")), "{var}");
    }
}

#[test]
fn the_crate_holds_the_engine_and_its_rules_only() {
    let out = run_ok(
        Command::new(env!("CARGO"))
            .args(["package", "--list", "--allow-dirty", "--offline"])
            .current_dir(root()),
    );
    let files = String::from_utf8(out.stdout).unwrap();
    let files: Vec<&str> = files.lines().collect();
    for needed in [
        "Cargo.toml",
        "Cargo.lock",
        "build.rs",
        "LICENSE",
        "README.md",
        "src/main.rs",
    ] {
        assert!(files.contains(&needed), "{needed} is not in the crate");
    }
    assert!(files.iter().any(|f| f.starts_with("rules/")));
    for f in &files {
        assert!(
            ![
                "tests/",
                "fixtures/",
                "editors/",
                "packaging/",
                "benches/",
                "fuzz/"
            ]
            .iter()
            .any(|dir| f.starts_with(dir)),
            "{f} should not be in the crate"
        );
    }
    let manifest: toml::Table = read("Cargo.toml").parse().unwrap();
    for key in ["license", "description", "repository", "readme"] {
        assert!(manifest["package"].get(key).is_some(), "package.{key}");
    }
}

#[test]
fn version_names_the_commit_in_a_checkout() {
    let out = assert_cmd::Command::cargo_bin("connlint")
        .unwrap()
        .arg("--version")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let version = cargo_version();
    assert!(text.starts_with(&format!("connlint {version}")), "{text}");
    if root().join(".git").exists() {
        let head = Command::new("git")
            .args(["rev-parse", "--short=9", "HEAD"])
            .current_dir(root())
            .output()
            .unwrap();
        let head = String::from_utf8(head.stdout).unwrap();
        assert!(text.contains(&format!("({} ", head.trim())), "{text}");
    }
}
