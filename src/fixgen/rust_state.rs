//! Rust: a handler that builds its own pool or client while the app already shares one of the
//! same library with its handlers (axum `Router::with_state`, actix-web `App::app_data(web::Data
//! ::new(…))`) takes the shared one instead: an extractor parameter (`State(pool): State<PgPool>`,
//! `pool: web::Data<PgPool>`, or the one it has) and the construction replaced by a clone of it
//! (`pool.clone()`, `state.db.clone()`, `pool.get_ref().clone()`), the `let` kept.

use crate::cx::ProjectCx;
use crate::diagnostic::{Edit, Fix};
use crate::facts::ClientKind;
use crate::lang::rust::state::{self, Content, Handler, StateFacts, Web};
use crate::source::{Lang, SourceFile, Span};

/// The type a catalogue client is, by its crate's root path (catalogue `type_path`), when
/// nothing in the project writes it: what an extractor names when the state is the client itself.
fn client_type<'c>(cx: &'c ProjectCx<'_>, id: &str) -> Option<&'c str> {
    cx.catalog.by_id(id)?.type_path.as_deref()
}

/// Is `ty` (written in a file whose `use` names are `uses`) the client type `want` (its
/// catalogue `type_path`)? Its path resolved through the `use`s: the same crate and last segment
/// (`PgPool` imported from `sqlx::postgres::PgPool` is `sqlx::PgPool`).
pub(crate) fn is_client_type(
    ty: &str,
    uses: &std::collections::HashMap<String, String>,
    want: Option<&str>,
) -> bool {
    let Some(want) = want else {
        return false;
    };
    let path = ty.trim().split('<').next().unwrap_or("").trim();
    let (root, rest) = match path.split_once("::") {
        Some((r, rest)) => (r.trim(), Some(rest)),
        None => (path, None),
    };
    let root = root.trim_start_matches("::");
    let full = match (uses.get(root), rest) {
        (Some(p), Some(rest)) => format!("{p}::{rest}"),
        (Some(p), None) => p.clone(),
        (None, _) => path.trim_start_matches("::").to_string(),
    };
    let full: String = full.split_whitespace().collect();
    let (want_crate, want_name) = want.split_once("::").unwrap_or((want, ""));
    full.split("::").next() == Some(want_crate) && full.rsplit("::").next() == Some(want_name)
}

/// One file of the crate, read.
struct Read<'a> {
    fi: usize,
    source: &'a SourceFile,
    facts: StateFacts,
}

/// How the handler will reach the shared client.
struct Reach {
    web: Web,
    /// The extractor's type argument, as the handler file can write it.
    ty: String,
    /// `.db` for a struct state's field, empty for the client itself.
    field: Option<String>,
}

/// The fix for client `idx` of `file`, built per request in an axum or actix-web handler
/// (`framework`), when the app shares a client of the same library (and database, where both
/// are known) through its state. `None` otherwise.
pub(crate) fn state_fix(
    cx: &ProjectCx<'_>,
    file: usize,
    idx: usize,
    framework: &str,
) -> Option<Fix> {
    let web = match framework {
        "axum" => Web::Axum,
        "actix" => Web::Actix,
        _ => return None,
    };
    let f = cx.files.get(file)?;
    let c = f.facts.clients.get(idx)?;
    if f.source.lang != Lang::Rs
        || c.released
        || !matches!(
            c.kind,
            ClientKind::Pool | ClientKind::Client | ClientKind::Sdk
        )
    {
        return None;
    }
    // What it configures besides its URL and pool tuning would be lost.
    let dropped = own_options(cx, file, idx)?;
    let text = f.source.text.as_ref();
    let here = state::read(&f.source, Some(c.span))?;
    let handler = here.handler.clone().filter(|h| !h.in_mod)?;
    let local = handler.local.clone()?;
    if local.init.start != c.span.start
        || !yields_client(cx, c, &text[c.span.end as usize..local.init.end as usize])
    {
        return None;
    }
    // The crate's files that share a state (or write the types it needs).
    let root = &f.source.project.root;
    let in_crate = |other: &SourceFile| {
        other.lang == Lang::Rs
            && &other.project.root == root
            && same_crate(&f.source.rel, &other.rel)
    };
    let shares = |t: &str| t.contains("with_state") || t.contains("app_data");
    if !cx
        .files
        .iter()
        .any(|o| in_crate(&o.source) && shares(&o.source.text))
    {
        return None;
    }
    let mut crate_files: Vec<Read<'_>> = Vec::new();
    for (i, other) in cx.files.iter().enumerate() {
        if !in_crate(&other.source) {
            continue;
        }
        let facts = if i == file {
            here.clone()
        } else {
            let t = other.source.text.as_ref();
            // What the fix reads: states, the structs they hold, extractors naming types.
            if !(shares(t) || t.contains("struct ") || t.contains("State<") || t.contains("Data<"))
            {
                continue;
            }
            // Read once a run (a memo made for fewer files reads again).
            let read = match cx.memo.rust_states.get(i) {
                Some(cell) => cell
                    .get_or_init(|| state::read(&other.source, None).map(Box::new))
                    .as_deref()
                    .cloned(),
                None => state::read(&other.source, None),
            };
            let Some(facts) = read else {
                continue;
            };
            facts
        };
        crate_files.push(Read {
            fi: i,
            source: &other.source,
            facts,
        });
    }
    let reach = find_reach(cx, file, idx, web, &handler, &crate_files)?;
    edits_for(&here, &handler, &reach, text, &dropped)
}

/// The options client `idx` of `file` writes, when all are its URL or pool tuning (what a
/// shared client may ignore); `None` when it sets anything else (`.timeout(…)`).
fn own_options(cx: &ProjectCx<'_>, file: usize, idx: usize) -> Option<Vec<String>> {
    let f = cx.files.get(file)?;
    let Some(cfg) = f.facts.client_config(idx) else {
        return Some(Vec::new());
    };
    let tuning = cx.catalog.tuning_keys();
    let urls = &cx.catalog.for_lang(Lang::Rs).url_options;
    let mut dropped = Vec::new();
    for o in &cfg.options {
        if urls.contains(&o.key) {
            continue;
        }
        if !tuning.contains(&o.key.as_str()) {
            return None;
        }
        dropped.push(o.key.clone());
    }
    Some(dropped)
}

/// Is the text after the construction (up to the end of the `let`'s value) what turns it into
/// the client: `.await`, then `?` (after `.map_err(…)` / `.context(…)` / `.with_context(…)` if
/// any), `.unwrap()` or `.expect("…")`? Nothing for a constructor that cannot fail.
fn yields_client(cx: &ProjectCx<'_>, c: &crate::facts::ClientSite, tail: &str) -> bool {
    let code: String = tail
        .lines()
        .map(|l| line_comment(l).map_or(l, |i| &l[..i]))
        .collect::<Vec<_>>()
        .join("\n");
    let mut rest = code.trim();
    if rest.is_empty() {
        // Catalogue `infallible`: `reqwest::Client::new()` is the client, not a `Result`.
        let ctor = c.ctor.trim_end_matches("()");
        return cx
            .catalog
            .by_id(&c.client)
            .is_some_and(|d| d.infallible.iter().any(|n| ctor.ends_with(n.as_str())));
    }
    if let Some(r) = rest.strip_prefix(".await") {
        rest = r.trim_start();
    }
    // Error adapters, each `.name(…)` with balanced parentheses, then `?`.
    let mut adapted = false;
    while let Some(args) = [".map_err(", ".context(", ".with_context("]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
    {
        let Some(close) = closing_paren(args) else {
            return false;
        };
        adapted = true;
        rest = args[close + 1..].trim_start();
    }
    if rest == "?" {
        return true;
    }
    if adapted {
        return false;
    }
    if rest == ".unwrap()" {
        return true;
    }
    rest.strip_prefix(".expect(")
        .and_then(|r| r.strip_suffix(')'))
        .map(str::trim)
        .is_some_and(|msg| {
            msg.len() >= 2
                && msg.starts_with('"')
                && msg.ends_with('"')
                && !msg[1..msg.len() - 1].contains('"')
        })
}

/// The offset in `args` (the text after a `(`) of the `)` closing it.
fn closing_paren(args: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote = false;
    let mut escaped = false;
    for (i, ch) in args.char_indices() {
        if quote {
            match ch {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => quote = false,
                _ => {}
            }
            continue;
        }
        match ch {
            '"' => quote = true,
            '(' => depth += 1,
            ')' if depth == 0 => return Some(i),
            ')' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// The crate a file (its path relative to the project root) belongs to and its path inside
/// that crate's root directory: (`api/src`, `routes/mod.rs`) for `api/src/routes/mod.rs`; a binary
/// under `src/bin/` is a crate of its own (`src/bin/tool`, `main.rs`), `src/bin/tool.rs` too.
fn crate_of(rel: &str) -> Option<(String, String)> {
    let at = if rel.starts_with("src/") {
        0
    } else {
        rel.find("/src/")? + 1
    };
    let root = &rel[..at + 3];
    let inner = &rel[at + 4..];
    if let Some(bin) = inner.strip_prefix("bin/") {
        return Some(match bin.split_once('/') {
            Some((name, rest)) => (format!("{root}/bin/{name}"), rest.to_string()),
            None => (format!("{root}/bin/{bin}"), "main.rs".to_string()),
        });
    }
    Some((root.to_string(), inner.to_string()))
}

/// Are two files (paths relative to the project root) in the same crate?
fn same_crate(a: &str, b: &str) -> bool {
    match (crate_of(a), crate_of(b)) {
        (Some((x, _)), Some((y, _))) => x == y,
        _ => false,
    }
}

/// `crate::a::b` for `src/a/b.rs` (`crate` for `src/main.rs` / `src/lib.rs`, `mod.rs` its
/// directory).
fn module_path(rel: &str) -> Option<String> {
    let (_, inner) = crate_of(rel)?;
    let inner = inner.strip_suffix(".rs")?;
    let mut segs: Vec<&str> = inner.split('/').collect();
    if segs.last() == Some(&"mod") {
        segs.pop();
    }
    if segs.len() == 1 && matches!(segs[0], "main" | "lib") {
        segs.clear();
    }
    if segs.iter().any(|s| s.is_empty() || s.contains('.')) {
        return None;
    }
    Some(
        std::iter::once("crate")
            .chain(segs)
            .collect::<Vec<_>>()
            .join("::"),
    )
}

/// Is the module of `inner` the module of `outer` or inside it (private items of `outer` are
/// visible there)?
fn is_within_module(inner: &str, outer: &str) -> bool {
    match (module_path(inner), module_path(outer)) {
        (Some(i), Some(o)) => i == o || i.starts_with(&format!("{o}::")),
        _ => false,
    }
}

/// The state the handler can read the client from.
fn find_reach(
    cx: &ProjectCx<'_>,
    file: usize,
    idx: usize,
    web: Web,
    handler: &Handler,
    crate_files: &[Read<'_>],
) -> Option<Reach> {
    let f = &cx.files[file];
    let c = &f.facts.clients[idx];
    let here = crate_files.iter().find(|r| r.fi == file)?;
    let states: Vec<(&Read<'_>, &state::SharedState)> = crate_files
        .iter()
        .flat_map(|r| {
            r.facts
                .states
                .iter()
                .filter(|s| s.web == web)
                .map(move |s| (r, s))
        })
        .collect();
    // The router registering this handler (its name in the same function), or the only one.
    let named: Vec<_> = states
        .iter()
        .filter(|(r, s)| {
            let t = r
                .source
                .text
                .get(s.in_fn.start as usize..s.in_fn.end as usize)
                .unwrap_or("");
            has_word(t, &handler.name)
        })
        .copied()
        .collect();
    let candidates = if named.is_empty() { states } else { named };
    let db = |fi: usize, ci: usize| {
        crate::pools::url_ref(cx.files, fi, crate::pools::config_of(&cx.files[fi], ci))
            .and_then(|(_, u)| u.env_name().map(str::to_string))
    };
    let mine = db(file, idx);
    // A client built in `span` of file `r`: of the same library, `Some(true)`; of another,
    // `Some(false)`; none found, `None`.
    let traced = |r: &Read<'_>, span: Span| -> Option<bool> {
        let other = &cx.files[r.fi];
        let mut found = None;
        for (k, o) in other.facts.clients.iter().enumerate() {
            if !state::within(o.span, span) || (r.fi == file && k == idx) {
                continue;
            }
            let same = same_library(cx, &o.client, &c.client)
                && own_options(cx, r.fi, k).is_some()
                && matches!(
                    o.kind,
                    ClientKind::Pool | ClientKind::Client | ClientKind::Sdk
                )
                && match (&mine, db(r.fi, k)) {
                    (Some(a), Some(b)) => *a == b,
                    _ => true,
                };
            found = Some(found.unwrap_or(false) || same);
        }
        found
    };
    let mut reaches: Vec<Reach> = Vec::new();
    for (r, s) in candidates {
        // A value typed by a struct of the crate (`fn app(state: AppState) -> Router`): its
        // fields are known by their types only.
        let by_struct = match (&s.content, s.ty.as_deref()) {
            (Content::Value(_), Some(ty)) => {
                let inner = bare_type(ty);
                let inner = inner
                    .strip_prefix("Arc<")
                    .and_then(|t| t.strip_suffix('>'))
                    .unwrap_or(&inner)
                    .to_string();
                crate_files
                    .iter()
                    .flat_map(|o| &o.facts.structs)
                    .find(|d| d.name == inner)
                    .map(|d| Content::Struct {
                        name: inner.clone(),
                        fields: d
                            .fields
                            .iter()
                            .map(|(n, _, _)| (n.clone(), Span::new(0, 0)))
                            .collect(),
                    })
            }
            _ => None,
        };
        match by_struct.as_ref().unwrap_or(&s.content) {
            Content::Value(span) => {
                let written = s.ty.as_deref();
                let by_type =
                    written.map(|t| is_client_type(t, &r.facts.uses, client_type(cx, &c.client)));
                let ok = match (traced(r, *span), by_type) {
                    (Some(t), _) => t && by_type != Some(false),
                    (None, Some(t)) => t,
                    (None, None) => false,
                };
                if !ok {
                    continue;
                }
                // The type: as written at the state, in a handler's extractor, or the crate's.
                let ty = written
                    .and_then(|t| render_type(t, r, here))
                    .or_else(|| {
                        crate_files.iter().find_map(|o| {
                            o.facts.extractors.iter().find_map(|(w, t)| {
                                (wrapper_of(web) == w
                                    && is_client_type(t, &o.facts.uses, client_type(cx, &c.client)))
                                .then(|| render_type(t, o, here))
                                .flatten()
                            })
                        })
                    })
                    .or_else(|| client_type(cx, &c.client).map(str::to_string))?;
                reaches.push(Reach {
                    web,
                    ty,
                    field: None,
                });
            }
            Content::Struct { name, fields } => {
                let ty = s.ty.as_deref().unwrap_or(name);
                let last = name.rsplit("::").next().unwrap_or(name).trim();
                // The struct's definition: in the state's file, else the one the crate has.
                let def = r
                    .facts
                    .structs
                    .iter()
                    .find(|d| d.name == last)
                    .map(|d| (r, d))
                    .or_else(|| {
                        let mut all = crate_files.iter().flat_map(|o| {
                            o.facts
                                .structs
                                .iter()
                                .filter(|d| d.name == last)
                                .map(move |d| (o, d))
                        });
                        let first = all.next();
                        all.next().is_none().then_some(first).flatten()
                    });
                let mut matching: Vec<&str> = Vec::new();
                for (fname, value) in fields {
                    let by_type = def.and_then(|(o, d)| {
                        d.fields
                            .iter()
                            .find(|(n, _, _)| n == fname)
                            .map(|(_, t, _)| {
                                is_client_type(t, &o.facts.uses, client_type(cx, &c.client))
                            })
                    });
                    let ok = match (traced(r, *value), by_type) {
                        (Some(t), _) => t && by_type != Some(false),
                        (None, Some(t)) => t,
                        (None, None) => false,
                    };
                    if ok {
                        matching.push(fname);
                    }
                }
                let [field] = matching[..] else {
                    continue;
                };
                // The handler must see the field.
                let Some((dfile, d)) = def else {
                    continue;
                };
                let public = d.fields.iter().any(|(n, _, p)| n == field && *p);
                if !public && !is_within_module(&here.source.rel, &dfile.source.rel) {
                    continue;
                }
                let Some(ty) = render_type(ty, r, here) else {
                    continue;
                };
                reaches.push(Reach {
                    web,
                    ty,
                    field: Some(field.to_string()),
                });
            }
        }
    }
    // One way only: two different states would leave the choice to a guess.
    let first = reaches.first()?;
    reaches
        .iter()
        .all(|r| r.ty == first.ty && r.field == first.field)
        .then(|| reaches.swap_remove(0))
}

fn wrapper_of(web: Web) -> &'static str {
    match web {
        Web::Axum => "State",
        Web::Actix => "Data",
    }
}

/// Same catalogue entry, or the same library and database family.
fn same_library(cx: &ProjectCx<'_>, a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    match (cx.catalog.by_id(a), cx.catalog.by_id(b)) {
        (Some(x), Some(y)) => x.library == y.library && x.family == y.family,
        _ => false,
    }
}

/// Does `text` declare `kw name` (`struct State`)?
fn has_item(text: &str, kw: &str, name: &str) -> bool {
    let words: Vec<&str> = text
        .split(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).any(|w| w[0] == kw && w[1] == name)
}

fn has_word(text: &str, word: &str) -> bool {
    text.split(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
        .any(|w| w == word)
}

/// A `use` path of file `r` from the crate root: `crate::state::AppState` for `state::AppState`
/// in `src/main.rs` that declares `mod state;`, `self::` / `super::` resolved; a crate's path
/// (`sqlx::PgPool`) unchanged.
fn absolute(path: &str, r: &Read<'_>) -> Option<String> {
    let here = module_path(&r.source.rel)?;
    let mut segs: Vec<&str> = path.split("::").map(str::trim).collect();
    match segs.first().copied() {
        Some("crate") => Some(path.to_string()),
        Some("self") => {
            segs.remove(0);
            Some(
                std::iter::once(here.as_str())
                    .chain(segs)
                    .collect::<Vec<_>>()
                    .join("::"),
            )
        }
        Some("super") => {
            let mut base: Vec<&str> = here.split("::").collect();
            while segs.first() == Some(&"super") {
                segs.remove(0);
                base.pop();
                if base.is_empty() {
                    return None;
                }
            }
            Some(base.into_iter().chain(segs).collect::<Vec<_>>().join("::"))
        }
        Some(first) if r.facts.mods.iter().any(|m| m == first) => Some(format!("{here}::{path}")),
        _ => Some(path.to_string()),
    }
}

/// Type `ty`, written in file `from`, as file `to` can write it: unchanged in the same file or
/// where `to` names its roots the same way; otherwise each root qualified by its full path
/// (`AppState` → `crate::state::AppState`, `PgPool` → `sqlx::postgres::PgPool`). `None` when a
/// root cannot be named from `to`.
fn render_type(ty: &str, from: &Read<'_>, to: &Read<'_>) -> Option<String> {
    let ty = ty.trim();
    if from.fi == to.fi {
        return Some(ty.to_string());
    }
    const PRELUDE: &[&str] = &[
        "String", "Vec", "Option", "Box", "Result", "u8", "u16", "u32", "u64", "usize", "i8",
        "i16", "i32", "i64", "isize", "bool", "str", "f32", "f64", "char",
    ];
    let mut out = String::new();
    let mut word = String::new();
    let mut prev_colon = false;
    let flush = |word: &mut String, out: &mut String, prev_colon: bool| -> Option<()> {
        if word.is_empty() {
            return Some(());
        }
        let w = std::mem::take(word);
        if prev_colon || PRELUDE.contains(&w.as_str()) || w == "crate" {
            out.push_str(&w);
            return Some(());
        }
        if matches!(w.as_str(), "self" | "super" | "Self") {
            return None;
        }
        let full = if let Some(p) = from.facts.uses.get(&w) {
            Some(absolute(p, from)?)
        } else if from.facts.structs.iter().any(|d| d.name == w)
            || from.source.text.contains(&format!("type {w}"))
            || from.source.text.contains(&format!("enum {w}"))
        {
            Some(format!("{}::{w}", module_path(&from.source.rel)?))
        } else {
            None
        };
        match full {
            Some(p) if p.starts_with("self::") || p.starts_with("super::") => return None,
            Some(p) => {
                let defined_in_to = to.facts.structs.iter().any(|d| d.name == w);
                let in_to = to.facts.uses.get(&w).and_then(|q| absolute(q, to));
                if in_to.as_ref() == Some(&p) && !defined_in_to {
                    out.push_str(&w);
                } else {
                    out.push_str(&p);
                }
            }
            // A crate's path (`sqlx::PgPool`) reads the same everywhere; a bare unknown name
            // (glob-imported) cannot be followed.
            None => return None,
        }
        Some(())
    };
    let chars: Vec<char> = ty.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let ch = chars[i];
        if ch.is_alphanumeric() || ch == '_' {
            word.push(ch);
        } else {
            let followed_by_path = ch == ':' && chars.get(i + 1) == Some(&':');
            if !word.is_empty() {
                if followed_by_path && !prev_colon && !from.facts.uses.contains_key(&word) {
                    // The root of a crate path (`sqlx` in `sqlx::PgPool`).
                    out.push_str(&std::mem::take(&mut word));
                } else {
                    flush(&mut word, &mut out, prev_colon)?;
                }
            }
            if followed_by_path {
                out.push_str("::");
                prev_colon = true;
                i += 2;
                continue;
            }
            if !ch.is_whitespace() {
                prev_colon = false;
            }
            out.push(ch);
        }
        i += 1;
    }
    flush(&mut word, &mut out, prev_colon)?;
    Some(out)
}

/// The edits: the extractor parameter (unless the handler has one), `State`'s import for axum,
/// and the construction replaced.
fn edits_for(
    here: &StateFacts,
    handler: &Handler,
    reach: &Reach,
    text: &str,
    dropped: &[String],
) -> Option<Fix> {
    let local = handler.local.as_ref()?;
    let wrapper = wrapper_of(reach.web);
    // Its code, comments left out (a word in a comment names nothing).
    let code = |s: &str| {
        s.lines()
            .map(|l| line_comment(l).map_or(l, |i| &l[..i]))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let fn_text = code(text.get(handler.span.start as usize..handler.span.end as usize)?);
    let before_let = code(text.get(handler.span.start as usize..local.stmt.start as usize)?);
    let (fn_text, before_let) = (fn_text.as_str(), before_let.as_str());
    let mut edits = Vec::new();
    let mut new_import: Option<Edit> = None;
    // A parameter the handler already has: `State(x): State<T>` with the same `T`.
    let norm = |t: &str| bare_type(t);
    let existing = handler.params.iter().find_map(|p| {
        (p.wrapper.as_deref() == Some(wrapper)
            && p.inner.as_deref().map(norm) == Some(norm(&reach.ty)))
        .then(|| p.binding.clone())
        .flatten()
    });
    // Another parameter of that wrapper (a state of another type): leave it.
    if existing.is_none()
        && handler
            .params
            .iter()
            .any(|p| p.wrapper.as_deref() == Some(wrapper))
        && reach.web == Web::Axum
    {
        return None;
    }
    let binding = match existing {
        Some(b) => b,
        None => {
            let candidates: Vec<String> = match &reach.field {
                None => vec![
                    local.binding.clone(),
                    "shared".into(),
                    "shared_client".into(),
                ],
                Some(_) => vec!["state".into(), "app_state".into(), "shared_state".into()],
            };
            let name = candidates.into_iter().find(|n| {
                if *n == local.binding {
                    // Shadowed by the `let`: it must name nothing before it.
                    !has_word(before_let, n)
                } else {
                    !has_word(fn_text, n)
                }
            })?;
            let param = match reach.web {
                Web::Axum => {
                    let (state, import) = state_name(here, text)?;
                    new_import = import;
                    format!("{state}({name}): {state}<{}>", reach.ty)
                }
                Web::Actix => {
                    let data = data_name(here);
                    format!("{name}: {data}<{}>", reach.ty)
                }
            };
            edits.push(param_edit(text, handler, &param));
            name
        }
    };
    let expr = match (&reach.field, reach.web) {
        (Some(field), _) => format!("{binding}.{field}.clone()"),
        (None, Web::Axum) => format!("{binding}.clone()"),
        (None, Web::Actix) => format!("{binding}.get_ref().clone()"),
    };
    // Comments inside the construction (a multi-line chain) move after the statement.
    let replaced = text.get(local.init.start as usize..local.init.end as usize)?;
    let comments: Vec<&str> = replaced
        .lines()
        .filter_map(|l| line_comment(l).map(|i| l[i..].trim_end()))
        .collect();
    if comments.is_empty() || crate::fixgen::rust_static::may_hold_multiline_string(replaced) {
        edits.push(Edit {
            span: local.init,
            content: expr.clone(),
        });
    } else {
        let after = text.get(local.init.end as usize..local.stmt.end as usize)?;
        if after.trim() != ";" {
            return None;
        }
        edits.push(Edit {
            span: Span::new(local.init.start as usize, local.stmt.end as usize),
            content: format!("{expr}; {}", comments.join(" ")),
        });
    }
    // The same `use` edit in every fix of the file, so that it is applied once.
    edits.extend(new_import);
    for e in unused_imports(text, local.init, &here.uses) {
        crate::fixgen::shared_client::push_apart(&mut edits, Some(e));
    }
    let how = match reach.web {
        Web::Axum => "state",
        Web::Actix => "`web::Data`",
    };
    let dropped = if dropped.is_empty() {
        String::new()
    } else {
        format!(
            " (its own {} dropped: the shared client's settings apply)",
            dropped
                .iter()
                .map(|d| format!("`{d}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    Some(Fix::unsafe_edits(
        format!("Use the {how} the app already shares: `{expr}` instead of a new client{dropped}"),
        edits,
    ))
}

/// Where a `//` comment starts on a line of code, outside string literals (a raw string or a
/// string going on from another line would mislead it; callers check for those).
fn line_comment(line: &str) -> Option<usize> {
    let mut quote = false;
    let mut escaped = false;
    let mut prev = ' ';
    for (i, ch) in line.char_indices() {
        if quote {
            match ch {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => quote = false,
                _ => {}
            }
        } else if ch == '"' {
            quote = true;
        } else if ch == '/' && prev == '/' {
            return Some(i - 1);
        }
        prev = if quote { ' ' } else { ch };
    }
    None
}

/// The `use` edits dropping the names only the construction at `replaced` used (`PgPoolOptions`
/// from `use sqlx::postgres::{PgPool, PgPoolOptions};`, or the whole `use sqlx::PgPool;`), so
/// that the fixed file compiles without an unused-import warning. Only for one-line `use` items
/// at the start of a line; a name mentioned anywhere else (a comment too) stays.
fn unused_imports(
    text: &str,
    replaced: Span,
    uses: &std::collections::HashMap<String, String>,
) -> Vec<Edit> {
    let Some(ctor) = text.get(replaced.start as usize..replaced.end as usize) else {
        return Vec::new();
    };
    let mut names: Vec<&str> = ctor
        .split(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
        .filter(|w| uses.contains_key(*w))
        .collect();
    names.sort_unstable();
    names.dedup();
    // (line span without its newline, names to drop from it)
    let mut lines: Vec<(Span, Vec<&str>)> = Vec::new();
    for name in names {
        let mut offset = 0usize;
        let mut found: Vec<Span> = Vec::new();
        for line in text.split_inclusive('\n') {
            let body = line.trim_end_matches(['\n', '\r']);
            if body.starts_with("use ") && body.ends_with(';') && has_word(body, name) {
                found.push(Span::new(offset, offset + body.len()));
            }
            offset += line.len();
        }
        let [line] = found[..] else {
            continue;
        };
        let elsewhere = [
            &text[..replaced.start as usize],
            &text[replaced.end as usize..],
        ]
        .iter()
        .map(|part| {
            part.split(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
                .filter(|w| *w == name)
                .count()
        })
        .sum::<usize>();
        let on_line = text[line.start as usize..line.end as usize]
            .split(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
            .filter(|w| *w == name)
            .count();
        if elsewhere != on_line {
            continue;
        }
        match lines.iter_mut().find(|(l, _)| *l == line) {
            Some((_, n)) => n.push(name),
            None => lines.push((line, vec![name])),
        }
    }
    let nl = crate::fixgen::newline(text);
    let mut edits = Vec::new();
    for (line, drop) in lines {
        let body = &text[line.start as usize..line.end as usize];
        let inner = &body["use ".len()..body.len() - 1];
        let kept = match (inner.find('{'), inner.rfind('}')) {
            (None, None) => {
                // `use a::b::Name;`
                let last = inner.rsplit("::").next().unwrap_or(inner).trim();
                if !drop.contains(&last) {
                    continue;
                }
                None
            }
            (Some(open), Some(close)) if close + 1 == inner.len() => {
                let items = &inner[open + 1..close];
                if items.contains(['{', '}']) || items.contains(" as ") {
                    continue;
                }
                let left: Vec<&str> = items
                    .split(',')
                    .map(str::trim)
                    .filter(|i| !i.is_empty() && !drop.contains(i))
                    .collect();
                if left.len() + drop.len()
                    != items.split(',').filter(|i| !i.trim().is_empty()).count()
                {
                    continue;
                }
                (!left.is_empty())
                    .then(|| format!("use {}{{{}}};", &inner[..open], left.join(", ")))
            }
            _ => continue,
        };
        edits.push(match kept {
            Some(new) => Edit {
                span: line,
                content: new,
            },
            // The whole line with the newline before it, so that it does not touch a `use`
            // added after it; the first line of the file leaves an empty line.
            None => {
                let start = line.start as usize;
                let start = if text[..start].ends_with(nl) {
                    start - nl.len()
                } else {
                    start
                };
                Edit {
                    span: Span::new(start, line.end as usize),
                    content: String::new(),
                }
            }
        });
    }
    edits
}

/// A type without its paths or spaces: `std::sync::Arc<crate::AppState>` → `Arc<AppState>`.
fn bare_type(ty: &str) -> String {
    let compact: String = ty.split_whitespace().collect();
    let mut out = String::new();
    for part in compact.split_inclusive(['<', '>', ',', '(', ')', '[', ']', ';', '&']) {
        let (path, sep) = match part.char_indices().last() {
            Some((i, ch)) if "<>,()[];&".contains(ch) => (&part[..i], &part[i..]),
            _ => (part, ""),
        };
        out.push_str(path.rsplit("::").next().unwrap_or(path));
        out.push_str(sep);
    }
    out
}

/// The new parameter, first (axum wants its body extractor last): after the `(`, or before the
/// first parameter on its own line; a signature that would pass 100 columns gets one parameter
/// a line, as rustfmt writes it.
fn param_edit(text: &str, handler: &Handler, param: &str) -> Edit {
    let open = handler.params_open;
    let nl = crate::fixgen::newline(text);
    let (Some(first), Some(last)) = (handler.params.first(), handler.params.last()) else {
        return Edit {
            span: Span::new(open, open),
            content: param.to_string(),
        };
    };
    let at = first.span.start as usize;
    let between = text.get(open..at).unwrap_or("");
    if between.contains('\n') {
        let indent = between.rsplit('\n').next().unwrap_or("");
        return Edit {
            span: Span::new(at, at),
            content: format!("{param},{nl}{indent}"),
        };
    }
    let line_start = text[..open].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[open..].find('\n').map_or(text.len(), |i| open + i);
    let wide = line_end - line_start + param.len() + 2 > 100;
    // The parameters up to the closing `)`, a trailing comma included.
    let end = last.span.end as usize;
    let rest = &text[end..];
    let close = rest
        .find(')')
        .filter(|&i| rest[..i].trim().trim_end_matches(',').trim().is_empty());
    match close {
        Some(close) if wide => {
            let line = &text[line_start..];
            let indent: String = line
                .chars()
                .take_while(|c| *c == ' ' || *c == '\t')
                .collect();
            let mut params = vec![param.to_string()];
            params.extend(
                handler
                    .params
                    .iter()
                    .map(|p| text[p.span.start as usize..p.span.end as usize].to_string()),
            );
            let body: String = params
                .iter()
                .map(|p| format!("{nl}{indent}    {p},"))
                .collect();
            Edit {
                span: Span::new(open, end + close),
                content: format!("{body}{nl}{indent}"),
            }
        }
        _ => Edit {
            span: Span::new(at, at),
            content: format!("{param}, "),
        },
    }
}

/// How the file names axum's `State`, and the import edit it needs: `State` when imported (or
/// added to `use axum::{…};` / as `use axum::extract::State;`), the full path when the name is
/// taken by something else.
fn state_name(here: &StateFacts, text: &str) -> Option<(String, Option<Edit>)> {
    match here.uses.get("State").map(String::as_str) {
        Some("axum::extract::State") => return Some(("State".into(), None)),
        Some(_) => return Some(("axum::extract::State".into(), None)),
        None => {}
    }
    // A `State` of the file's own (`struct State`, `enum State`, `type State`).
    if ["struct", "enum", "type", "trait", "mod", "fn"]
        .iter()
        .any(|k| has_item(text, k, "State"))
    {
        return Some(("axum::extract::State".into(), None));
    }
    let nl = crate::fixgen::newline(text);
    // `use axum::{…};` on one line: `extract::State` joins the group.
    let mut offset = 0usize;
    let mut last_use_end = None;
    for line in text.split_inclusive('\n') {
        let t = line.trim_end();
        if t.starts_with("use axum::{") && t.ends_with("};") {
            let at = offset + "use axum::{".len();
            return Some((
                "State".into(),
                Some(Edit {
                    span: Span::new(at, at),
                    content: "extract::State, ".into(),
                }),
            ));
        }
        if t.starts_with("use ") && t.ends_with(';') {
            last_use_end = Some(offset + line.len());
        }
        offset += line.len();
    }
    let at = last_use_end.unwrap_or(0);
    let content = if at > 0 && !text[..at].ends_with('\n') {
        format!("{nl}use axum::extract::State;{nl}")
    } else if at == 0 {
        format!("use axum::extract::State;{nl}{nl}")
    } else {
        format!("use axum::extract::State;{nl}")
    };
    Some((
        "State".into(),
        Some(Edit {
            span: Span::new(at, at),
            content,
        }),
    ))
}

/// How the file names actix-web's `Data`: `web::Data` when `web` is imported, `Data` when it is,
/// its full path otherwise.
fn data_name(here: &StateFacts) -> String {
    if here.uses.get("web").map(String::as_str) == Some("actix_web::web") {
        "web::Data".into()
    } else if matches!(
        here.uses.get("Data").map(String::as_str),
        Some("actix_web::web::Data")
    ) {
        "Data".into()
    } else {
        "actix_web::web::Data".into()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn client_types_resolve_through_uses() {
        let mut uses = std::collections::HashMap::new();
        uses.insert("PgPool".to_string(), "sqlx::postgres::PgPool".to_string());
        uses.insert("Client".to_string(), "reqwest::Client".to_string());
        assert!(is_client_type("PgPool", &uses, Some("sqlx::PgPool")));
        assert!(is_client_type("sqlx::PgPool", &uses, Some("sqlx::PgPool")));
        assert!(is_client_type("Client", &uses, Some("reqwest::Client")));
        assert!(!is_client_type("Client", &uses, Some("mongodb::Client")));
        assert!(is_client_type(
            "mongodb::Client",
            &uses,
            Some("mongodb::Client")
        ));
        assert!(!is_client_type("PgPool", &uses, None));
        assert!(!is_client_type(
            "Arc<PgPool>",
            &Default::default(),
            Some("sqlx::PgPool")
        ));
    }

    #[test]
    fn types_compare_without_paths_and_comments_skip_strings() {
        assert_eq!(
            bare_type("std::sync::Arc<crate::AppState>"),
            "Arc<AppState>"
        );
        assert_eq!(bare_type("sqlx :: PgPool"), "PgPool");
        assert_eq!(
            line_comment("let c = X::open(\"redis://h\"); // per request"),
            Some(30)
        );
        assert_eq!(line_comment("let c = X::open(\"redis://h\");"), None);
        assert_eq!(closing_paren("|e| f(e))?"), Some(8));
        assert_eq!(closing_paren("\")\")"), Some(3));
    }

    #[test]
    fn imports_only_the_construction_used_are_dropped() {
        let text = "use sqlx::postgres::{PgPool, PgPoolOptions};\nuse std::env;\n\nasync fn h(p: PgPool) {\n    let pool = PgPoolOptions::new().connect(&env::var(\"U\").unwrap()).await.unwrap();\n}\n";
        let at = text.find("PgPoolOptions::new()").unwrap();
        let end = text.find(".await.unwrap();").unwrap() + ".await.unwrap()".len();
        let mut uses = std::collections::HashMap::new();
        uses.insert("PgPool".to_string(), "sqlx::postgres::PgPool".to_string());
        uses.insert(
            "PgPoolOptions".to_string(),
            "sqlx::postgres::PgPoolOptions".to_string(),
        );
        uses.insert("env".to_string(), "std::env".to_string());
        let edits = unused_imports(text, Span::new(at, end), &uses);
        let (fixed, _) = crate::fix::apply_edits(text, &edits);
        assert_eq!(
            fixed,
            "use sqlx::postgres::{PgPool};\n\nasync fn h(p: PgPool) {\n    let pool = PgPoolOptions::new().connect(&env::var(\"U\").unwrap()).await.unwrap();\n}\n"
        );
    }

    #[test]
    fn module_paths_follow_the_files() {
        assert_eq!(module_path("src/main.rs").as_deref(), Some("crate"));
        assert_eq!(module_path("src/state.rs").as_deref(), Some("crate::state"));
        assert_eq!(
            module_path("api/src/routes/mod.rs").as_deref(),
            Some("crate::routes")
        );
        assert_eq!(module_path("src/a/b.rs").as_deref(), Some("crate::a::b"));
        assert!(same_crate("src/main.rs", "src/a/b.rs"));
        assert!(!same_crate("api/src/main.rs", "src/main.rs"));
        assert!(is_within_module("src/routes.rs", "src/main.rs"));
        assert!(!same_crate("src/bin/tool.rs", "src/main.rs"));
        assert!(!same_crate("src/bin/a/main.rs", "src/bin/b/main.rs"));
        assert!(same_crate("src/bin/a/main.rs", "src/bin/a/routes.rs"));
        assert_eq!(
            module_path("src/bin/a/routes.rs").as_deref(),
            Some("crate::routes")
        );
        assert_eq!(module_path("src/bin/tool.rs").as_deref(), Some("crate"));
        assert!(!is_within_module("src/routes.rs", "src/state.rs"));
    }
}
