//! Rust: a per-request construction becomes a `static` `LazyLock` (or, for an async factory,
//! a `tokio::sync::OnceCell`), and a factory's body its lazy initialiser.

use crate::diagnostic::{Edit, Fix};
use crate::facts::ClientKind;
use crate::fixgen::hoist_edit::*;
use crate::source::{Lang, SourceFile, Span};

/// Rust: the construction, wherever it is (a `let`, a struct field, an argument), replaced by a
/// clone of one `static` client: `Client::new()` → `CLIENT.clone()` with `static CLIENT:
/// std::sync::LazyLock<Client> = std::sync::LazyLock::new(Client::new);` at the end of the
/// module; a builder chain that ends in `.expect(…)` / `.unwrap()` moves into the initialiser
/// whole. Clients, pools and SDK clients are cheap clones sharing one pool (reqwest, sqlx,
/// deadpool). Not for single connections, fallible constructions handled with `?` or a `match`,
/// `async` ones, or arguments using anything local.
pub(crate) fn rust_static_fix(source: &SourceFile, c: &crate::facts::ClientSite) -> Option<Fix> {
    if source.lang != Lang::Rs
        || !c.anchors.args_are_static
        || !matches!(
            c.kind,
            ClientKind::Pool | ClientKind::Client | ClientKind::Sdk
        )
    {
        return None;
    }
    let text = source.text.as_ref();
    let ctor = source.slice(c.span).trim();
    if ctor.contains(".await") || ctor.contains('?') {
        return None;
    }
    let is_path = |p: &str| {
        !p.is_empty()
            && p.split("::").all(|seg| {
                !seg.is_empty() && seg.chars().all(|ch| ch.is_alphanumeric() || ch == '_')
            })
    };
    let after = &text[c.span.end as usize..];
    let (path, init, taken) = if let Some(path) = ctor.strip_suffix("::new()") {
        (path, format!("{path}::new"), 0)
    } else {
        // `reqwest::Client::builder()….build()` then `.expect("…")` or `.unwrap()`.
        let path = &ctor[..ctor.find("::builder()")?];
        let rest = after.trim_start();
        let skipped = after.len() - rest.len();
        let tail_len = if rest.starts_with(".unwrap()") {
            ".unwrap()".len()
        } else if let Some(args) = rest.strip_prefix(".expect(") {
            let close = args.find(')')?;
            // A plain string message only.
            let msg = args[..close].trim();
            if !(msg.starts_with('"') && msg.ends_with('"') && !msg[1..msg.len() - 1].contains('"'))
            {
                return None;
            }
            ".expect(".len() + close + 1
        } else {
            return None;
        };
        let stmt_indent = crate::fixgen::own_line(source, c.span).0.start as usize;
        let indent = &text[stmt_indent..c.span.start as usize];
        let indent: String = indent.chars().take_while(|ch| ch.is_whitespace()).collect();
        let whole = &text[c.span.start as usize..c.span.end as usize + skipped + tail_len];
        (
            path,
            format!("|| {}", dedent_continuation(whole, &indent)),
            skipped + tail_len,
        )
    };
    if !is_path(path) {
        return None;
    }
    let base = c
        .binding
        .as_deref()
        .unwrap_or_else(|| path.rsplit("::").next().unwrap_or(path))
        .to_uppercase();
    let decl_of = |n: &str| {
        format!("static {n}: std::sync::LazyLock<{path}> = std::sync::LazyLock::new({init});")
    };
    // The first free name, or one already declared identically (another finding's fix).
    let name = (0..10)
        .map(|i| {
            if i == 0 {
                base.clone()
            } else {
                format!("{base}_{i}")
            }
        })
        .find(|n| !text.contains(&format!("static {n}:")) || text.contains(&decl_of(n)))?;
    // Used in place (`Client::new().get(url)`): the static derefs to the client.
    let end = c.span.end as usize + taken;
    let used_in_place = taken == 0 && text[end..].starts_with('.');
    let mut edits = vec![Edit {
        span: Span::new(c.span.start as usize, end),
        content: if used_in_place {
            name.clone()
        } else {
            format!("{name}.clone()")
        },
    }];
    if !text.contains(&decl_of(&name)) {
        // Right before the item holding the construction (its doc comments and attributes
        // included): after the `use` items, where a person puts a `static`.
        let at = item_start(text, c.span.start as usize);
        edits.push(crate::fixgen::hoist_edit::declaration_edit(
            text,
            at,
            &decl_of(&name),
            1,
        ));
    }
    Some(Fix::unsafe_edits(
        format!("Share one client: a clone of `static {name}` instead of a new one"),
        edits,
    ))
}

/// The start of the top-level item (a `fn` or an `impl` block) holding the byte `at`, above
/// the doc comments and attributes attached to it; `None` when no such item line is found
/// (the end of the file is used then).
pub(crate) fn item_start(text: &str, at: usize) -> Option<usize> {
    let head = text.get(..at)?;
    let starts: Vec<usize> = std::iter::once(0)
        .chain(head.match_indices('\n').map(|(i, _)| i + 1))
        .filter(|&i| i < at)
        .collect();
    let line = |i: usize| {
        let s = starts[i];
        let e = text[s..].find('\n').map_or(text.len(), |j| s + j);
        &text[s..e]
    };
    let is_item = |l: &str| {
        let l = ["pub(crate) ", "pub(super) ", "pub "]
            .iter()
            .find_map(|p| l.strip_prefix(p))
            .unwrap_or(l);
        let l = l.strip_prefix("async ").unwrap_or(l);
        let l = l.strip_prefix("unsafe ").unwrap_or(l);
        l.starts_with("fn ") || l.starts_with("impl ") || l.starts_with("impl<")
    };
    let mut idx = (0..starts.len()).rev().find(|&i| is_item(line(i)))?;
    // Everything between the item line and the construction is indented or closes nothing at
    // column 0: otherwise the construction is not inside that item.
    if (idx + 1..starts.len()).any(|i| line(i).starts_with('}')) {
        return None;
    }
    while idx > 0 {
        let t = line(idx - 1).trim_start();
        if t.starts_with("#[") || t.starts_with("///") || t.starts_with("//") {
            idx -= 1;
        } else {
            break;
        }
    }
    Some(starts[idx])
}

/// A parameterless Rust function `… fn name() -> RET { BODY }` as written, from its name span.
pub(crate) struct RustFnText<'a> {
    /// The line up to the name (`pub async fn `).
    header: &'a str,
    /// The indentation of that line.
    indent: &'a str,
    /// The return type: non-empty, without `where`, of names, paths and `<…>` only.
    ret: &'a str,
    /// The body's braces.
    open: usize,
    close: usize,
    body: &'a str,
}

pub(crate) fn rust_fn_text(text: &str, name: Span) -> Option<RustFnText<'_>> {
    let line_start = text[..name.start as usize]
        .rfind('\n')
        .map(|i| i + 1)
        .unwrap_or(0);
    let rest = text[name.end as usize..]
        .trim_start()
        .strip_prefix('(')?
        .trim_start()
        .strip_prefix(')')?;
    let rest = rest.trim_start().strip_prefix("->")?;
    let open_rel = rest.find('{')?;
    let ret = rest[..open_rel].trim();
    if ret.is_empty()
        || ret.contains("where")
        || !ret
            .chars()
            .all(|ch| ch.is_alphanumeric() || matches!(ch, '_' | ':' | '<' | '>' | ',' | ' '))
    {
        return None;
    }
    let open = text.len() - rest.len() + open_rel;
    let close = matching_brace(text, open)?;
    let line = &text[line_start..];
    Some(RustFnText {
        header: &text[line_start..name.start as usize],
        indent: &line[..line.len() - line.trim_start().len()],
        ret,
        open,
        close,
        body: &text[open + 1..close],
    })
}

/// A function body's lines one level (four spaces) deeper, without its first and last newlines.
pub(crate) fn indent_body(body: &str, nl: &str) -> String {
    body.trim_matches(|c| c == '\n' || c == '\r')
        .lines()
        .map(|l| {
            if l.trim().is_empty() {
                String::new()
            } else {
                format!("    {l}")
            }
        })
        .collect::<Vec<_>>()
        .join(nl)
}

/// Rust: `fn http_client() -> reqwest::Client { BODY }` → `{ static SHARED: LazyLock<reqwest::Client>
/// = LazyLock::new(|| { BODY }); SHARED.clone() }`: the body becomes the lazy initialiser and
/// every call clones the one client (reqwest, sqlx, redis and mongodb clients are cheap handles).
/// `name` is the function's name span. Only for `fn name() -> Type {` without generics, `async`,
/// `?`, `.await` or a `Result` / `Option` / `impl` return type.
pub(crate) fn rust_lazy_body(text: &str, name: Span) -> Option<Edit> {
    let f = rust_fn_text(text, name)?;
    let ret = f.ret;
    if ["Result", "Option", "impl", "Self", "&"].iter().any(|w| {
        ret.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '&'))
            .any(|t| t == *w)
    }) {
        return None;
    }
    // The header before the name must not be `async` (a lazy initialiser cannot await).
    if f.header.contains("async") {
        return None;
    }
    let body = f.body;
    if body.contains('?')
        || body.contains(".await")
        || body.contains("return")
        || body.contains("self")
        || may_hold_multiline_string(body)
    {
        return None;
    }
    let indent = f.indent;
    let nl = crate::fixgen::newline(text);
    let inner = indent_body(body, nl);
    Some(Edit {
        span: Span::new(f.open, f.close + 1),
        content: format!(
            "{{{nl}{indent}    static SHARED: std::sync::LazyLock<{ret}> = std::sync::LazyLock::new(|| {{{nl}{inner}{nl}{indent}    }});{nl}{indent}    SHARED.clone(){nl}{indent}}}"
        ),
    })
}

/// The offset of the `}` matching the `{` at `open` (string literals with unbalanced braces
/// would mislead it; the fixed file is re-parsed, and a broken result dropped).
pub(crate) fn matching_brace(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, ch) in text.get(open..)?.char_indices() {
        match ch {
            '{' => depth += 1,
            '}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(open + i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Lines that may sit inside a multi-line string literal (raw strings, an odd number of quotes
/// on a line, a line continuation): re-indenting them would change the string.
pub(crate) fn may_hold_multiline_string(body: &str) -> bool {
    // A raw string starts with `r"` or `r#` after something that is not part of a name.
    let raw = body.match_indices('r').any(|(i, _)| {
        matches!(body.as_bytes().get(i + 1), Some(b'"' | b'#'))
            && !body[..i]
                .chars()
                .next_back()
                .is_some_and(|p| p.is_alphanumeric() || p == '_')
    });
    raw || body.contains("\\\n")
        || body.lines().any(|l| {
            l.replace("\\\\", "")
                .replace("\\\"", "")
                .matches('"')
                .count()
                % 2
                == 1
        })
}

/// Rust: `async fn get_pool() -> anyhow::Result<PgPool> { BODY }` → the pool is kept in a
/// `static` `OnceLock` the first successful call fills; BODY moves unchanged into a nested
/// `async fn get_pool_uncached()`. Only for `async fn name() -> T` or `-> …Result<T, …>` without
/// generics, `self` or a multi-line string in BODY. Two first calls racing may both build one;
/// the second is dropped.
pub(crate) fn rust_async_memo(text: &str, name: Span, fn_name: &str) -> Option<Edit> {
    let f = rust_fn_text(text, name)?;
    if !f.header.split_whitespace().any(|w| w == "async") {
        return None;
    }
    let ret = f.ret;
    // `…Result<T>` / `…Result<T, E>`: the value type is the first argument.
    let (ty, fallible) = match ret.find('<') {
        Some(lt) if ret[..lt].rsplit("::").next() == Some("Result") => {
            let args = ret[lt + 1..].strip_suffix('>')?;
            let mut depth = 0i32;
            let mut end = args.len();
            for (i, ch) in args.char_indices() {
                match ch {
                    '<' => depth += 1,
                    '>' => depth -= 1,
                    ',' if depth == 0 => {
                        end = i;
                        break;
                    }
                    _ => {}
                }
            }
            (args[..end].trim(), true)
        }
        _ => (ret, false),
    };
    let words = |t: &str| {
        t.split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .any(|w| matches!(w, "Option" | "impl" | "Self" | "dyn"))
    };
    if ty.is_empty() || words(ty) {
        return None;
    }
    let body = f.body;
    let inner_name = format!("{fn_name}_uncached");
    let cache = format!("{}_CACHE", fn_name.to_uppercase());
    if body.contains("self")
        || body.contains("Self")
        || body.contains(&inner_name)
        || text.contains(&cache)
        || may_hold_multiline_string(body)
    {
        return None;
    }
    let indent = f.indent;
    let nl = crate::fixgen::newline(text);
    let inner = indent_body(body, nl);
    let u = "    ";
    let (ok_cached, q, ok_built) = if fallible {
        ("Ok(cached.clone())", "?", "Ok(built)")
    } else {
        ("cached.clone()", "", "built")
    };
    let content = [
        "{".to_string(),
        format!(
            "{indent}{u}static {cache}: std::sync::OnceLock<{ty}> = std::sync::OnceLock::new();"
        ),
        format!("{indent}{u}if let Some(cached) = {cache}.get() {{"),
        format!("{indent}{u}{u}return {ok_cached};"),
        format!("{indent}{u}}}"),
        format!("{indent}{u}async fn {inner_name}() -> {ret} {{"),
        inner,
        format!("{indent}{u}}}"),
        format!("{indent}{u}let built = {inner_name}().await{q};"),
        format!("{indent}{u}let _ = {cache}.set(built.clone());"),
        format!("{indent}{u}{ok_built}"),
        format!("{indent}}}"),
    ]
    .join(nl);
    Some(Edit {
        span: Span::new(f.open, f.close + 1),
        content,
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use crate::fixgen::memoize::{cache_name, ts_type};

    fn name_span(text: &str, name: &str) -> Span {
        let at = text.find(&format!("fn {name}")).unwrap() + 3;
        Span::new(at, at + name.len())
    }

    #[test]
    fn rust_factory_body_becomes_a_lazy_initialiser() {
        let text =
            "pub fn pool() -> PgPool {\n    PgPoolOptions::new().connect_lazy(URL).unwrap()\n}\n";
        let e = rust_lazy_body(text, name_span(text, "pool")).unwrap();
        let (fixed, n) = crate::fix::apply_edits(text, &[e]);
        assert_eq!(n, 1);
        assert_eq!(
            fixed,
            "pub fn pool() -> PgPool {\n    static SHARED: std::sync::LazyLock<PgPool> = std::sync::LazyLock::new(|| {\n        PgPoolOptions::new().connect_lazy(URL).unwrap()\n    });\n    SHARED.clone()\n}\n"
        );
        assert!(crate::fix::parses(Lang::Rs, &fixed));
    }

    #[test]
    fn rust_async_factory_is_kept_in_a_once_lock() {
        let text = "async fn get_pool() -> anyhow::Result<PgPool> {\n    let url = database_url()?;\n    Ok(PgPool::connect(&url).await?)\n}\n";
        let e = rust_async_memo(text, name_span(text, "get_pool"), "get_pool").unwrap();
        let (fixed, _) = crate::fix::apply_edits(text, &[e]);
        assert_eq!(
            fixed,
            "async fn get_pool() -> anyhow::Result<PgPool> {\n    static GET_POOL_CACHE: std::sync::OnceLock<PgPool> = std::sync::OnceLock::new();\n    if let Some(cached) = GET_POOL_CACHE.get() {\n        return Ok(cached.clone());\n    }\n    async fn get_pool_uncached() -> anyhow::Result<PgPool> {\n        let url = database_url()?;\n        Ok(PgPool::connect(&url).await?)\n    }\n    let built = get_pool_uncached().await?;\n    let _ = GET_POOL_CACHE.set(built.clone());\n    Ok(built)\n}\n"
        );
        assert!(crate::fix::parses(Lang::Rs, &fixed));
        // `Result<T, E>`: the value type is the first argument.
        let text = "pub async fn db() -> Result<PgPool, sqlx::Error> {\n    PgPool::connect(URL).await\n}\n";
        let e = rust_async_memo(text, name_span(text, "db"), "db").unwrap();
        assert!(e.content.contains("OnceLock<PgPool>"), "{}", e.content);
        // Not async, an `Option`, `self`, or a multi-line string in the body: no edit.
        for (text, name) in [
            ("fn c() -> PgPool {\n    make()\n}\n", "c"),
            (
                "async fn c() -> Option<PgPool> {\n    make().await\n}\n",
                "c",
            ),
            (
                "async fn c() -> PgPool {\n    let s = \"a\n b\";\n    make(s).await\n}\n",
                "c",
            ),
            (
                "async fn c() -> PgPool {\n    make(r#\"x\"#).await\n}\n",
                "c",
            ),
        ] {
            assert!(
                rust_async_memo(text, name_span(text, name), name).is_none(),
                "{text}"
            );
        }
    }

    #[test]
    fn rust_factory_fix_refuses_what_a_lazy_lock_cannot_hold() {
        for text in [
            "fn c() -> reqwest::Result<Client> {\n    Client::builder().build()\n}\n",
            "async fn c() -> PgPool {\n    PgPool::connect(URL).await.unwrap()\n}\n",
            "fn c() -> Client {\n    Client::builder().build().map_err(log)?\n}\n",
            "fn c<T>() -> Client {\n    Client::new()\n}\n",
            "fn c() -> impl Clone {\n    Client::new()\n}\n",
        ] {
            assert!(
                rust_lazy_body(text, name_span(text, "c")).is_none(),
                "{text}"
            );
        }
    }

    #[test]
    fn conditional_blocks_are_seen_from_indentation() {
        let project = || std::sync::Arc::new(crate::project::Project::with_deps(&[]));
        let ts = "function f() {\n  if (env.REDIS_HOST) {\n    const r = new Redis();\n  }\n  const s = new Redis();\n}\n";
        let f = SourceFile::in_memory("a.ts", ts, project()).unwrap();
        assert!(in_conditional_block(&f, ts.find("const r").unwrap()));
        assert!(!in_conditional_block(&f, ts.find("const s").unwrap()));
        let py = "def f():\n    if url:\n        e = create_engine(url)\n    else:\n        e = None\n    r = Redis()\n";
        let f = SourceFile::in_memory("a.py", py, project()).unwrap();
        assert!(in_conditional_block(&f, py.find("e = create").unwrap()));
        assert!(in_conditional_block(&f, py.find("e = None").unwrap()));
        assert!(!in_conditional_block(&f, py.find("r = Redis").unwrap()));
        // Classic Mac line endings are lines too.
        let mac = py.replace('\n', "\r");
        let f = SourceFile::in_memory("a.py", &mac, project()).unwrap();
        assert!(in_conditional_block(&f, mac.find("e = create").unwrap()));
        assert!(!in_conditional_block(&f, mac.find("r = Redis").unwrap()));
    }

    #[test]
    fn hoisted_continuation_lines_lose_the_statement_indent() {
        assert_eq!(
            dedent_continuation("httpx.AsyncClient(\n        base_url=URL,\n    )", "    "),
            "httpx.AsyncClient(\n    base_url=URL,\n)"
        );
        assert_eq!(
            dedent_continuation("new Pool({\n    sql: `a\n    b`,\n  })", "  "),
            "new Pool({\n    sql: `a\n    b`,\n  })"
        );
    }

    #[test]
    fn cache_names_and_types_follow_the_constructor() {
        assert_eq!(cache_name("new PrismaClient()"), "_prismaClient");
        assert_eq!(cache_name("postgres()"), "_postgres");
        assert_eq!(cache_name("new Redis.Cluster()"), "_cluster");
        assert_eq!(
            ts_type("new PrismaClient({ log: [] })").as_deref(),
            Some("PrismaClient")
        );
        assert_eq!(
            ts_type("createClient({ url })").as_deref(),
            Some("ReturnType<typeof createClient>")
        );
        assert_eq!(ts_type("new (getCtor())()"), None);
    }
}
