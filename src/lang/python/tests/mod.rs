//! Unit tests of this front-end, by concern; shared helpers here.

use super::*;
use crate::catalog::Catalog;
use crate::facts::ClientKind;
use crate::project::Project;
use std::sync::Arc;

fn facts_with(rel: &str, src: &str, deps: &[&str]) -> FileFacts {
    let file =
        SourceFile::in_memory(rel, src, Arc::new(Project::with_deps(deps))).expect("a .py path");
    extract(&file, &Catalog::builtin().expect("catalogue").py).expect("facts")
}

fn facts(rel: &str, src: &str) -> FileFacts {
    facts_with(
        rel,
        src,
        &[
            "fastapi",
            "sqlalchemy",
            "pymongo",
            "redis",
            "httpx",
            "boto3",
            "celery",
        ],
    )
}

fn client<'f>(f: &'f FileFacts, ctor: &str) -> &'f ClientSite {
    f.clients
        .iter()
        .find(|c| c.ctor == ctor)
        .unwrap_or_else(|| panic!("no client {ctor} in {:#?}", f.clients))
}

fn call<'f>(f: &'f FileFacts, name: &str) -> &'f CallSite {
    f.calls
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no call {name} in {:#?}", f.calls))
}

fn func<'f>(f: &'f FileFacts, name: &str) -> &'f FnFact {
    f.functions
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no fn {name}"))
}

mod frequency;
mod inferred;
mod loops;
mod options;
mod scopes;
mod sessions;

#[test]
fn imports_scanned_without_parsing() {
    let text = "import os, app.db as db\nfrom .models import User\nfrom app.core import (\n    config,\n    security,\n)\nfrom .. import deps\n";
    let keys: Vec<Vec<String>> = super::scan_imports("app/api/routes.py", text)
        .into_iter()
        .map(|m| m.candidates.to_vec())
        .collect();
    let has = |k: &str| keys.iter().any(|c| c.iter().any(|x| x == k));
    assert!(has("app/db"));
    assert!(has("app/api/models") && has("app/api/models/User"));
    assert!(has("app/core/config") && has("app/core/security"));
    assert!(has("app/deps"));
}
