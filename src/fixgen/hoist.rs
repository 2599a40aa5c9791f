//! Hoisting a construction out of a per-request function: to module scope (TS/JS, Python),
//! out of a loop, or into a `with` block's owner; the statement removed where it was.

use crate::diagnostic::{Edit, Fix};
use crate::facts::{ClientKind, ScopeKind};
pub(crate) use crate::fixgen::hoist_edit::*;
use crate::fixgen::rust_static::*;
use crate::fixgen::share::*;
use crate::fixgen::shared_client;
use crate::source::{Lang, SourceFile, Span};

/// Hoist `const client = new X(static args);` out of the handler: one shared declaration at
/// the end of the module (TS/JS, Python; it runs when the module loads, before any request) or a
/// `static` `LazyLock` (Rust, for `Type::new()`), and the local statement removed (TS/JS, Python)
/// or bound to the shared one (Rust). Only for clients the handler does not close (closing a
/// shared client would break the next request) and whose arguments use nothing local.
pub(crate) fn hoist_fix(
    source: &SourceFile,
    c: &crate::facts::ClientSite,
    releases: &[String],
    shared_import: Option<Edit>,
    hot_reload: bool,
) -> Option<Fix> {
    // A single connection (pg `Client`, `psycopg2.connect`) must not be shared: it needs a pool.
    // In a loop of a Python or Rust function, static arguments cannot use the loop variable (a
    // local); a loop at module scope binds module-level names, which `args_are_static` does not
    // see, and the TS front-end does not count loop variables as locals.
    if !c.anchors.args_are_static
        || c.kind == ClientKind::Connection
        || (c.scope.kind == ScopeKind::Loop
            && (c.in_fn.is_none() || !matches!(source.lang, Lang::Py | Lang::Rs)))
    {
        return None;
    }
    let name = c.binding.as_deref()?;
    let stmt = c.anchors.statement?;
    let text = source.text.as_ref();
    // Built only under a condition (`if (env.REDIS_HOST) { … }`): at module scope it would be
    // built unconditionally.
    if in_conditional_block(source, stmt.start as usize) {
        return None;
    }
    let ctor = source.slice(c.span).trim();
    let stmt_text = source.slice(stmt).trim().trim_end_matches(';').trim();
    // A construction over several lines keeps its shape at module level: its continuation lines
    // lose the statement's indentation.
    let stmt_indent = crate::fixgen::own_line(source, stmt).0.start as usize;
    let stmt_indent = &text[stmt_indent..stmt.start as usize];
    let moved_ctor = dedent_continuation(ctor, stmt_indent);
    let nl = crate::fixgen::newline(text);
    // The whole line of the statement, and whether it stands alone on it.
    let (line, alone) = crate::fixgen::own_line(source, stmt);
    let mut edits = Vec::new();
    if c.released {
        // The handler closes its client: a shared one must stay open, so the closes go.
        let removed = shared_client::remove_releases(source, stmt, name, releases)?;
        edits.extend(removed);
    }
    match source.lang {
        Lang::Rs => {
            let path = ctor.strip_suffix("::new()");
            let (Some(path), true) = (path, stmt_text == format!("let {name} = {ctor}")) else {
                return rust_static_fix(source, c);
            };
            let shared = name.to_uppercase();
            if text.contains(&format!("static {shared}:")) {
                return None;
            }
            edits.push(Edit {
                span: stmt,
                content: format!("let {name} = {shared}.clone();"),
            });
            let decl = format!(
                "static {shared}: std::sync::LazyLock<{path}> = std::sync::LazyLock::new({path}::new);"
            );
            let at = crate::fixgen::rust_static::item_start(text, stmt.start as usize);
            edits.push(declaration_edit(text, at, &decl, 1));
        }
        Lang::Py => {
            if stmt_text != format!("{name} = {ctor}") || !alone || uses_request_context(ctor) {
                return None;
            }
            let decl = format!("{name} = {moved_ctor}");
            edits.push(Edit {
                span: line,
                content: String::new(),
            });
            if let Some(import) = shared_import {
                // The project already shares one: import it rather than make another. The name
                // must be free at module level.
                if text.lines().any(|l| {
                    l.starts_with(&format!("{name} ="))
                        || l.starts_with(&format!("{name}:"))
                        || ((l.starts_with("from ") || l.starts_with("import "))
                            && l.split([' ', ',']).any(|w| w == name))
                }) {
                    return None;
                }
                return Some(import_shared(source, ctor, line, name, edits, import));
            }
            if !has_module_line(text, &decl) {
                if text.lines().any(|l| {
                    l.starts_with(&format!("{name} =")) || l.starts_with(&format!("{name}:"))
                }) || rival_binding(text, &format!("{name} = "), ctor)
                    || rival_with(text, name, ctor)
                {
                    return None;
                }
                let decl = format!("{}{decl}", trailing_comment(text, stmt, line, nl));
                let at = hoist_point(text, first_alike(text, stmt_text, line), ctor, true);
                edits.push(declaration_edit(text, at, &decl, 2));
            }
        }
        _ => {
            let keyword = ["const ", "let ", "var "]
                .into_iter()
                .find(|k| stmt_text.starts_with(k))?;
            if stmt_text != format!("{keyword}{name} = {ctor}") || !alone {
                return None;
            }
            // In a Next.js app, a library `hot-reload-client` judges is cached on `globalThis`
            // at once, so that the fix leaves no finding behind.
            let plain = format!("const {name} = {moved_ctor};");
            let decl = if hot_reload && source.project.nextjs {
                crate::fixgen::global_cache::rewrite(
                    &plain,
                    name,
                    &moved_ctor,
                    source.lang == Lang::Ts,
                )?
            } else {
                plain
            };
            edits.push(Edit {
                span: line,
                content: String::new(),
            });
            if let Some(import) = shared_import {
                // The project already shares one: import it rather than make another.
                if text.lines().any(|l| {
                    ["const ", "let ", "var ", "export const ", "import "]
                        .iter()
                        .any(|k| l.starts_with(k) && l.contains(&format!(" {name} ")))
                        || l.contains(&format!("{{ {name} }}"))
                }) {
                    return None;
                }
                return Some(import_shared(source, ctor, line, name, edits, import));
            }
            if !has_module_line(text, &decl) {
                if text.lines().any(|l| {
                    ["const ", "let ", "var ", "export const "]
                        .iter()
                        .any(|k| l.starts_with(&format!("{k}{name} ")))
                }) || ["const ", "let ", "var "]
                    .iter()
                    .any(|k| rival_binding(text, &format!("{k}{name} = "), ctor))
                {
                    return None;
                }
                let decl = format!("{}{decl}", trailing_comment(text, stmt, line, nl));
                let at = hoist_point(text, first_alike(text, stmt_text, line), ctor, false);
                edits.push(declaration_edit(text, at, &decl, 1));
            }
        }
    }
    Some(Fix::unsafe_edits(
        format!("Share one `{name}` for the whole module instead of building it per request"),
        edits,
    ))
}

/// The start of the line of the first statement of the file written as `stmt_text` (the same
/// client built the same way in several handlers): every such hoist inserts the same declaration
/// at the same point, so that applied together they declare it once (identical edits are
/// shared), and applied alone each still declares it before its first use.
fn first_alike(text: &str, stmt_text: &str, line: Span) -> usize {
    if stmt_text.is_empty() {
        return line.start as usize;
    }
    let mut at = 0;
    while let Some(i) = text[at..].find(stmt_text) {
        let start = at + i;
        let line_start = text[..start].rfind('\n').map_or(0, |n| n + 1);
        if text[line_start..start].trim().is_empty() {
            return line_start.min(line.start as usize);
        }
        at = start + stmt_text.len();
    }
    line.start as usize
}

/// Another function of the file binds the same name to another call (`cache =
/// aioredis.from_url(…)` in one handler, `cache = aioredis.Redis(…)` in the next): hoisting both
/// would declare the name twice at module level, and one handler would use the other's client.
fn rival_binding(text: &str, prefix: &str, ctor: &str) -> bool {
    // Compared by first line: a construction over several lines is the same when it starts
    // the same (its own statement included).
    let head = ctor.lines().next().unwrap_or(ctor).trim_end();
    text.lines().any(|l| {
        let t = l.trim_start();
        t.len() < l.len()
            && t.strip_prefix(prefix).is_some_and(|rest| {
                let rest = rest.trim_end().trim_end_matches(';');
                rest.contains('(')
                    && !rest.starts_with(head)
                    && !rest.starts_with(&format!("await {head}"))
            })
    })
}

/// Python: another `with` of the file binds the same name to another construction (`async
/// with httpx.AsyncClient(timeout=10) as client:` in one job, `client = httpx.AsyncClient()`
/// hoisted from the next): both hoisted, one module-level name would hold two clients.
fn rival_with(text: &str, name: &str, ctor: &str) -> bool {
    let head = ctor.lines().next().unwrap_or(ctor).trim_end();
    text.lines().any(|l| {
        let t = l.trim_start();
        let Some(rest) = t
            .strip_prefix("async with ")
            .or_else(|| t.strip_prefix("with "))
        else {
            return false;
        };
        let rest = rest.trim_end();
        rest.strip_suffix(':')
            .and_then(|r| r.strip_suffix(name))
            .and_then(|r| r.trim_end().strip_suffix(" as"))
            .is_some_and(|call| call.contains('(') && call.trim() != head)
    })
}

/// The comment after the statement on its line (`// the users cluster`), as a line of its own
/// above the moved declaration (later rewrites of the declaration keep it there); empty when
/// there is none.
fn trailing_comment(text: &str, stmt: Span, line: Span, nl: &str) -> String {
    let rest = text
        .get(stmt.end as usize..line.end as usize)
        .unwrap_or("")
        .trim()
        .trim_start_matches(';')
        .trim();
    if rest.starts_with("//") || rest.starts_with('#') {
        format!("{rest}{nl}")
    } else {
        String::new()
    }
}

/// Where a person puts a declaration hoisted out of the function holding the line at
/// `line_start`: right before that function's top-level statement (above the comments,
/// decorators and JSDoc attached to it), so after the imports and module constants above it
/// and before its first use. `None` (the end of the file) when the line is at top level itself,
/// or when the construction uses a module-level name declared below that point.
pub(crate) fn hoist_point(text: &str, line_start: usize, ctor: &str, py: bool) -> Option<usize> {
    let head = text.get(..line_start)?;
    let starts: Vec<usize> = std::iter::once(0)
        .chain(head.match_indices('\n').map(|(i, _)| i + 1))
        .filter(|&i| i < line_start)
        .collect();
    let top_level = |l: &str| {
        l.chars().next().is_some_and(|c| !c.is_whitespace())
            && !l.starts_with(['}', ')', ']'])
            && !(py && l.starts_with(['"', '\'']))
    };
    let is_attached = |l: &str| {
        let t = l.trim_end();
        t.starts_with("//")
            || t.starts_with("/*")
            || t.starts_with(" *")
            || t.starts_with("*/")
            || (py && (t.starts_with('#') || t.starts_with('@')))
            || (!py && t.starts_with('@'))
    };
    let line_at = |i: usize| {
        let s = starts[i];
        let e = text[s..].find('\n').map_or(text.len(), |j| s + j);
        &text[s..e]
    };
    let mut idx = (0..starts.len())
        .rev()
        .find(|&i| top_level(line_at(i)) && !is_attached(line_at(i)))?;
    // A statement that can hold a function, not a line of a multi-line string or template
    // that happens to start at column 0 (the end of the file is safe then).
    let heads: &[&str] = if py {
        &[
            "def ",
            "async def ",
            "class ",
            "if ",
            "for ",
            "while ",
            "with ",
            "try:",
        ]
    } else {
        &[
            "export ",
            "async ",
            "function ",
            "const ",
            "let ",
            "var ",
            "class ",
            "app.",
            "router.",
            "server.",
            "fastify.",
            "module.exports",
            "exports.",
            "if ",
            "for ",
        ]
    };
    if !heads.iter().any(|h| line_at(idx).starts_with(h)) {
        return None;
    }
    loop {
        while idx > 0 && is_attached(line_at(idx - 1)) && !line_at(idx - 1).trim().is_empty() {
            idx -= 1;
        }
        // A decorator written over several lines (`@prodigy.recipe(\n    "triage",\n)`):
        // its continuation lines are indented or close it; the decorator's `@` line starts it.
        let mut k = idx;
        let mut found = None;
        while py && k > 0 {
            let l = line_at(k - 1);
            if l.starts_with('@') {
                found = Some(k - 1);
                break;
            }
            if l.trim().is_empty()
                || !(l.starts_with(char::is_whitespace) || l.starts_with([')', ']', '}']))
            {
                break;
            }
            k -= 1;
        }
        match found {
            Some(at) => idx = at,
            None => break,
        }
    }
    let at = starts[idx];
    // Every module-level name the construction uses is declared above `at`.
    let ident = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
    for word in ctor.split(|c: char| !ident(c)).filter(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_alphabetic() || c == '_')
    }) {
        let declared_below = text[at..].lines().any(|l| {
            if py {
                l.starts_with(&format!("{word} ="))
                    || l.starts_with(&format!("{word}:"))
                    || (l.starts_with("from ") || l.starts_with("import "))
                        && l.split([' ', ',']).any(|w| w == word)
            } else {
                ["const ", "let ", "var ", "export const ", "export let "]
                    .iter()
                    .any(|k| {
                        l.starts_with(&format!("{k}{word} "))
                            || l.starts_with(&format!("{k}{word}:"))
                            || l.starts_with(&format!("{k}{word}="))
                    })
                    || (l.starts_with("import ") && l.split(|c: char| !ident(c)).any(|w| w == word))
            }
        });
        if declared_below {
            return None;
        }
    }
    Some(at)
}

/// Python: `for x in xs:` / `async with Client() as c:` (the `with` alone in the loop, using
/// nothing the loop binds) → the two headers swapped: one client, opened around the loop.
pub(crate) fn with_loop_fix(source: &SourceFile, c: &crate::facts::ClientSite) -> Option<Fix> {
    if c.scope.kind != ScopeKind::Loop {
        return None;
    }
    let w = c.anchors.with_stmt.as_ref()?;
    let loop_header = w.loop_header?;
    let (a, b) = (source.slice(loop_header), source.slice(w.header));
    if loop_header.end > w.header.start {
        return None;
    }
    Some(Fix::unsafe_edits(
        "Open the client once, around the loop",
        vec![
            Edit {
                span: loop_header,
                content: b.to_string(),
            },
            Edit {
                span: w.header,
                content: a.to_string(),
            },
        ],
    ))
}

/// Python: `async with httpx.AsyncClient(…) as client:` in a handler, with arguments that use
/// nothing of the request → `client = httpx.AsyncClient(…)` once at the end of the module, the
/// `with` line removed and its block dedented. Only for a one-item header written
/// `[async ]with <construction> as <name>:` on one line, a block without multi-line strings
/// (dedenting would change them), and a name the function binds nowhere else.
pub(crate) fn with_hoist_fix(source: &SourceFile, c: &crate::facts::ClientSite) -> Option<Fix> {
    if source.lang != Lang::Py
        || !c.anchors.args_are_static
        || c.kind == ClientKind::Connection
        || (c.scope.kind == ScopeKind::Loop && c.in_fn.is_none())
    {
        return None;
    }
    let w = c.anchors.with_stmt.as_ref()?;
    let text = source.text.as_ref();
    let ctor = source.slice(c.span);
    let header = source.slice(w.header);
    let name = header
        .strip_prefix("async ")
        .unwrap_or(header)
        .strip_prefix("with ")?
        .trim_start()
        .strip_prefix(ctor)?
        .trim_start()
        .strip_prefix("as ")?
        .trim()
        .strip_suffix(':')?
        .trim();
    if name.is_empty() || !name.chars().all(|ch| ch.is_alphanumeric() || ch == '_') {
        return None;
    }
    if uses_request_context(ctor) {
        return None;
    }
    // The header alone on its line (a trailing comment aside).
    let (line, alone) = crate::fixgen::own_line(source, w.header);
    if !alone {
        return None;
    }
    let (line_start, line_end) = (line.start as usize, line.end as usize);
    let base = w.header.start as usize - line_start;
    if in_conditional_block(source, line_start) {
        return None;
    }
    // The block: the following lines indented deeper (blank lines included).
    let mut end = line_end;
    let mut body_indent: Option<usize> = None;
    let mut pos = line_end;
    while pos < text.len() {
        let next = text[pos..]
            .find('\n')
            .map(|i| pos + i + 1)
            .unwrap_or(text.len());
        let line = &text[pos..next];
        if !line.trim().is_empty() {
            let ind = line.len() - line.trim_start().len();
            if ind <= base {
                break;
            }
            body_indent = Some(body_indent.map_or(ind, |b| b.min(ind)));
            end = next;
        }
        pos = next;
    }
    let body_indent = body_indent?;
    let body = &text[line_end..end];
    if body.contains("\"\"\"") || body.contains("'''") || body.contains('\t') {
        return None;
    }
    // The name bound elsewhere in the function would stay local (and unbound here).
    // (The header itself, possibly over several lines, binds it: not counted.)
    let fn_text = enclosing_def(text, line_start, base).replacen(header, "", 1);
    let binds = |l: &str| {
        let t = l.trim_start();
        t.starts_with(&format!("{name} ="))
            || t.starts_with(&format!("{name}: "))
            || t.contains(&format!(" as {name}")) && !t.contains(ctor)
    };
    if fn_text.lines().any(binds)
        || text
            .lines()
            .any(|l| l.starts_with(&format!("{name} =")) && l != format!("{name} = {ctor}"))
        || rival_binding(text, &format!("{name} = "), ctor)
        || rival_with(text, name, ctor)
    {
        return None;
    }
    let cut = body_indent - base;
    let dedented: String = body
        .split_inclusive('\n')
        .map(|l| {
            if l.trim().is_empty() {
                l.trim_start_matches([' ']).to_string()
            } else {
                l[cut.min(l.len() - l.trim_start().len())..].to_string()
            }
        })
        .collect();
    let decl = format!(
        "{name} = {}",
        dedent_continuation(ctor, &text[line_start..w.header.start as usize])
    );
    let mut edits = vec![Edit {
        span: Span::new(line_start, end),
        content: dedented,
    }];
    if !has_module_line(text, &decl) {
        let at = hoist_point(text, first_alike(text, header, line), ctor, true);
        edits.push(declaration_edit(text, at, &decl, 2));
    }
    Some(Fix::unsafe_edits(
        format!("Share one `{name}` for the whole module instead of opening it per request"),
        edits,
    ))
}

/// The text of the Python `def` enclosing the line at `line_start` (indented `indent`): from the
/// nearest `def` / `async def` line above indented less, to the next line indented as little.
pub(crate) fn enclosing_def(text: &str, line_start: usize, indent: usize) -> &str {
    let indent_of = |l: &str| l.len() - l.trim_start().len();
    let mut start = 0;
    let mut def_indent = 0;
    let mut pos = line_start;
    while pos > 0 {
        let prev = text[..pos - 1].rfind('\n').map(|i| i + 1).unwrap_or(0);
        let line = &text[prev..pos];
        let t = line.trim_start();
        if (t.starts_with("def ") || t.starts_with("async def ")) && indent_of(line) < indent {
            start = prev;
            def_indent = indent_of(line);
            break;
        }
        pos = prev;
    }
    let mut end = text.len();
    let mut p = text[start..]
        .find('\n')
        .map(|i| start + i + 1)
        .unwrap_or(text.len());
    while p < text.len() {
        let next = text[p..]
            .find('\n')
            .map(|i| p + i + 1)
            .unwrap_or(text.len());
        let line = &text[p..next];
        if !line.trim().is_empty() && indent_of(line) <= def_indent {
            end = p;
            break;
        }
        p = next;
    }
    &text[start..end]
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::hoist_point;

    fn at(text: &str, line: &str, ctor: &str, py: bool) -> Option<usize> {
        hoist_point(text, text.find(line).unwrap(), ctor, py)
    }

    #[test]
    fn hoisted_code_goes_before_the_function_and_its_comments() {
        let ts = "import Redis from \"ioredis\";\n\nconst URL = \"redis://x\";\n\n/**\n * Docs.\n */\nexport async function GET() {\n  const r = new Redis(URL);\n}\n";
        assert_eq!(at(ts, "  const r", "new Redis(URL)", false), ts.find("/**"));
        let py = "import redis\n\nURL = 'x'\n\n\n# A view.\n@app.route('/')\ndef hits():\n    r = redis.Redis.from_url(URL)\n";
        assert_eq!(
            at(py, "    r = ", "redis.Redis.from_url(URL)", true),
            py.find("# A view.")
        );
    }

    #[test]
    fn end_of_file_when_a_name_is_declared_below_or_the_line_is_not_a_statement() {
        let ts =
            "export async function GET() {\n  const r = new Redis(URL);\n}\n\nconst URL = \"x\";\n";
        assert_eq!(at(ts, "  const r", "new Redis(URL)", false), None);
        let py = "def f():\n    q = \"\"\"\nselect 1\n\"\"\"\n    r = redis.Redis()\n";
        assert_eq!(at(py, "    r = ", "redis.Redis()", true), None);
    }
}
