//! What a file is by its path and shape: a test, start-up code (a migration, a script, a
//! management command), a views module, or a plugin its host loads from a scripts folder.

use super::prepass::Pre;
use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FileKind {
    Normal,
    Test,
    Startup,
}

pub(super) fn file_kind(rel: &str) -> (FileKind, bool) {
    let parts: Vec<&str> = rel.split('/').collect();
    let (file, dirs) = match parts.split_last() {
        Some((f, d)) => (*f, d),
        None => (rel, &[][..]),
    };
    // (Django's context processors, `context_processors.py`, run on every request rendered
    // with a `RequestContext`, as views do.)
    let views =
        matches!(file, "views.py" | "context_processors.py") || dirs.last() == Some(&"views");
    let test = file == "conftest.py"
        || file.starts_with("test_")
        || file.ends_with("_test.py")
        || dirs.iter().any(|d| *d == "tests" || *d == "test");
    if test {
        return (FileKind::Test, views);
    }
    if startup_by_name(file, dirs) || script_folder(dirs) {
        return (FileKind::Startup, views);
    }
    (FileKind::Normal, views)
}

/// Start-up code by its name or a migration's, seed's or management command's folder.
fn startup_by_name(file: &str, dirs: &[&str]) -> bool {
    matches!(
        file,
        "manage.py" | "env.py" | "gunicorn.conf.py" | "gunicorn_conf.py"
    ) || dirs
        .iter()
        .any(|d| matches!(*d, "alembic" | "migrations" | "seeds"))
        || dirs
            .windows(2)
            .any(|w| w[0] == "management" && w[1] == "commands")
}

fn script_folder(dirs: &[&str]) -> bool {
    dirs.iter().any(|d| matches!(*d, "scripts" | "bin"))
}

/// Is the file a script only by its folder (`scripts/`, `bin/`), not by its name or a
/// migration's or seed's folder?
pub(super) fn script_by_folder(rel: &str) -> bool {
    let parts: Vec<&str> = rel.split('/').collect();
    let Some((file, dirs)) = parts.split_last() else {
        return false;
    };
    let test = file_kind(rel).0 == FileKind::Test;
    !test && script_folder(dirs) && !startup_by_name(file, dirs)
}

/// A module in a `scripts/` or `bin/` folder that runs nothing when loaded and subclasses a
/// dependency's class is a plugin its host loads from there (Hummingbot's `scripts/`
/// strategies), not a script.
pub(super) fn hosted_plugin(file: &SourceFile, pre: &Pre<'_>) -> bool {
    script_by_folder(&file.rel)
        && pre.loads_quietly
        && !pre.cli
        && pre
            .class_bases
            .values()
            .flatten()
            .any(|b| pre.dependency_base(*b, file.text.as_ref(), file))
}
