//! Unit tests of this front-end, by concern; shared helpers here.

use super::*;
use crate::catalog::Catalog;
use crate::project::Project;
use std::sync::Arc;

fn facts_with(rel: &str, deps: &[&str], text: &str) -> FileFacts {
    let file = SourceFile::in_memory(rel, text, Arc::new(Project::with_deps(deps))).unwrap();
    let cat = Catalog::builtin().unwrap();
    extract(&file, &cat.rs).unwrap()
}

#[test]
fn method_calls_are_named_by_their_receiver() {
    let src = r#"
struct Store { inner: Inner }
impl Store {
    fn open(&self) -> u8 {
        let n = self.pool();
        let m = self.inner.pool();
        let k = CACHE.get(&1);
        n + m + k
    }
}
"#;
    let f = facts(src);
    let methods: Vec<&str> = f
        .calls
        .iter()
        .filter(|c| c.method)
        .map(|c| c.callee.as_str())
        .collect();
    // `self.pool()` is a call on the caller's own type, `self.inner.pool()` is not, and a
    // standard-library method (`get`) is never taken for the project's.
    assert_eq!(methods, ["self.pool", "self.inner.pool"]);
}

fn facts(text: &str) -> FileFacts {
    facts_with(
        "src/main.rs",
        &["axum", "sqlx", "reqwest", "tokio", "serde"],
        text,
    )
}

fn line_of(text: &str, span: Span) -> usize {
    text[..span.start as usize].matches('\n').count() + 1
}

fn only_client(f: &FileFacts) -> &ClientSite {
    assert_eq!(f.clients.len(), 1, "{:#?}", f.clients);
    &f.clients[0]
}

mod held;
mod inferred;
mod loops;
mod options;
mod scopes;
mod session_state;
mod state;

#[test]
fn a_method_on_a_dependencys_value_is_never_the_projects() {
    let src = r#"
use openssl::sign::Signer;
fn check(key: &Key, payload: &str, cfg: &mut Config) {
    let mut signer = Signer::new(MessageDigest::sha256(), key).unwrap();
    signer.update(payload.as_bytes()).unwrap();
    let mut map = std::collections::HashMap::new();
    map.refresh();
    let mut own = Teams::load();
    own.update();
    cfg.update();
}
"#;
    let f = facts_with("src/hooks.rs", &["openssl"], src);
    let methods: Vec<&str> = f
        .calls
        .iter()
        .filter(|c| c.method && matches!(c.name.as_str(), "update" | "refresh"))
        .map(|c| c.callee.as_str())
        .collect();
    assert_eq!(methods, ["own.update", "cfg.update"]);
}
