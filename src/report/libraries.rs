//! `connlint libraries`: the client libraries the built-in catalogue knows, with what is reported
//! about each and what the fixes do; `--format markdown` is README's coverage table.

use crate::catalog::{Catalog, ClientDef};
use crate::facts::ClientKind;

/// One catalogue entry as users read it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Library {
    pub language: &'static str,
    pub library: String,
    pub id: String,
    pub kind: &'static str,
    pub family: String,
    /// How it is built, as written in code (`new Pool`, `create_engine`, `Client::new`).
    pub builds: Vec<String>,
    pub release: Vec<String>,
    /// The rules that judge it.
    pub rules: Vec<&'static str>,
    /// What the fixes do, in words.
    pub fix: &'static str,
    pub docs: Option<String>,
}

/// Every built-in entry, by language then library.
pub fn list(cat: &Catalog) -> Vec<Library> {
    let mut out = Vec::new();
    for (language, lc) in [
        ("typescript", &cat.js),
        ("python", &cat.py),
        ("rust", &cat.rs),
    ] {
        for c in &lc.clients {
            let dup_ok = lc.duplicates_ok(&c.family, Some(c));
            out.push(entry(language, c, dup_ok));
        }
    }
    out.sort_by(|a, b| {
        (a.language, a.library.to_lowercase(), &a.id).cmp(&(
            b.language,
            b.library.to_lowercase(),
            &b.id,
        ))
    });
    out
}

fn entry(language: &'static str, c: &ClientDef, dup_ok: bool) -> Library {
    let builds: Vec<String> = c
        .constructors
        .iter()
        .map(|k| match (&k.new, &k.call) {
            (Some(n), _) => format!("new {n}"),
            (None, Some(call)) => match &k.on {
                Some(on) => format!("{on} → {call}"),
                None => call.clone(),
            },
            (None, None) => String::new(),
        })
        .filter(|s| !s.is_empty())
        .collect();
    let long_lived = c.kind.is_long_lived();
    let mut rules = Vec::new();
    if long_lived {
        rules.push("per-request-client");
    }
    if c.hot_reload && language == "typescript" {
        rules.push("hot-reload-client");
    }
    if !dup_ok
        && matches!(
            c.kind,
            ClientKind::Pool | ClientKind::Client | ClientKind::Sdk
        )
    {
        rules.push("duplicate-client-module");
    }
    // Rust: a checkout known by its type (`type_path`), reported when parked in a collection
    // that outlives the request; elsewhere, what has a release method.
    let parks = language == "rust"
        && matches!(c.kind, ClientKind::Session | ClientKind::Checkout)
        && c.type_path.is_some();
    let closes = parks
        || (matches!(
            c.kind,
            ClientKind::Session | ClientKind::Checkout | ClientKind::Connection
        ) && !c.release.is_empty()
            && language != "rust");
    if closes {
        rules.push("unclosed-session");
    }
    if !c.pool_keys.is_empty() {
        rules.push("oversized-pool");
    }
    if !c.pooler.is_empty() {
        rules.push("pooler-prepared-statements");
    }
    let fix = match c.kind {
        _ if parks => "none (report only): kept in a collection that outlives the request",
        ClientKind::Session | ClientKind::Checkout => {
            "closes it on every path (`with` / `try … finally`)"
        }
        ClientKind::Connection => {
            "closes it on every path; built per request, display-only help (use a pool)"
        }
        _ if language == "rust" => {
            "hoists it to a `static` `LazyLock`, or shows where `State` / `web::Data` goes"
        }
        _ if c.hot_reload => {
            "reuses the project's shared client, or hoists it to module scope (cached on `globalThis` in Next.js)"
        }
        _ => "reuses the project's shared client, or hoists it to module scope",
    };
    let mut builds = builds;
    if builds.is_empty()
        && parks
        && let Some(t) = &c.type_path
    {
        builds.push(format!("{t} (by its type, where a struct field holds it)"));
    }
    Library {
        language,
        library: c.library.clone(),
        id: c.id.clone(),
        kind: kind_name(c.kind),
        family: c.family.clone(),
        builds,
        release: c.release.clone(),
        rules,
        fix,
        docs: c.docs.clone(),
    }
}

fn kind_name(k: ClientKind) -> &'static str {
    match k {
        ClientKind::Pool => "pool",
        ClientKind::Client => "client",
        ClientKind::Connection => "connection",
        ClientKind::Throwaway => "throwaway",
        ClientKind::Sdk => "sdk",
        ClientKind::Session => "session",
        ClientKind::Checkout => "checkout",
    }
}

/// README's coverage table (between `<!-- libraries:start -->` and `<!-- libraries:end -->`).
pub fn markdown(cat: &Catalog) -> String {
    let mut out = String::from(
        "| Language | Library | Kind | Built with | Reported by | Fix |\n|---|---|---|---|---|---|\n",
    );
    for l in list(cat) {
        let builds: Vec<String> = l.builds.iter().map(|b| format!("`{b}`")).collect();
        let library = match &l.docs {
            Some(d) => format!("[{}]({d})", l.library),
            None => l.library.clone(),
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            l.language,
            library,
            l.kind,
            builds.join(", ").replace('|', "\\|"),
            l.rules.join(", "),
            l.fix
        ));
    }
    out
}

/// One line per entry, for a terminal.
pub fn human(cat: &Catalog) -> String {
    let mut out = String::new();
    for l in list(cat) {
        out.push_str(&format!(
            "{:<10} {:<28} {:<10} {}\n           rules: {}\n",
            l.language,
            l.library,
            l.kind,
            l.builds.join(", "),
            l.rules.join(", ")
        ));
    }
    out
}

/// The list as JSON (an array of entries).
pub fn json(cat: &Catalog) -> String {
    let mut s = serde_json::to_string_pretty(&list(cat)).unwrap_or_else(|_| "[]".into());
    s.push('\n');
    s
}
