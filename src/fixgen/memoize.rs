//! Memoizing a factory where it is defined: a module-level cache (TS/JS), `@lru_cache`
//! (Python), a `static` (Rust), so every caller shares one client.

use crate::cx::ProjectCx;
use crate::diagnostic::{Applicability, Edit, Fix};
use crate::facts::{ClientKind, Returned};
use crate::fixgen::rust_static::*;
use crate::fixgen::shared_client;
use crate::source::{Lang, Span};

/// A factory (`def get_engine(): return create_engine(URL)`, `function getDb() { return new
/// MongoClient(uri) }`) made to build its client once: `@functools.cache` (Python) or a
/// module-level cache (`??=`, on `globalThis` in Next.js apps). The edit is in the factory's
/// file (`at`), for a finding in `from`. Only for a free function without parameters whose
/// construction is its return value and uses nothing local, when no caller closes what it gets
/// (a shared client must stay open).
pub(crate) fn factory_fix(cx: &ProjectCx<'_>, at: usize, idx: usize, from: usize) -> Option<Fix> {
    let file = cx.files.get(at)?;
    let facts = &file.facts;
    let c = facts.clients.get(idx)?;
    let fn_idx = c.in_fn?;
    let f = facts.functions.get(fn_idx)?;
    // Callers that close the client they get would close the shared one.
    let closes = cx.graph.callers.get(&(at, fn_idx)).is_some_and(|calls| {
        calls.iter().any(|(cf, ci)| {
            cx.files
                .get(*cf)
                .and_then(|x| x.facts.calls.get(*ci))
                .is_some_and(|call| call.released)
        })
    });
    if closes
        || c.guard.is_guarded()
        || !matches!(
            c.kind,
            ClientKind::Pool | ClientKind::Client | ClientKind::Sdk
        )
    {
        return None;
    }
    // Rust: a parameterless free function whose whole body is cached (a `LazyLock` initialiser
    // or an `async` body kept in a `OnceLock`) may build its client from locals.
    let rust_whole_fn = file.source.lang == Lang::Rs
        && !(f.method || f.parent.is_some() || f.params != 0)
        && c.returned == Returned::Direct;
    if !c.anchors.args_are_static && !rust_whole_fn {
        return None;
    }
    // The project already shares one: the factory hands that out instead.
    let shared = c
        .anchors
        .args_are_static
        .then(|| shared_client::find_export(cx, at, idx, None))
        .flatten()
        .and_then(|e| {
            let releases = cx
                .catalog
                .by_id(&c.client)
                .map(|d| d.release.clone())
                .unwrap_or_default();
            shared_client::shared_expr_fix(cx, at, idx, &e, &releases)
        });
    if let Some(fix) = shared {
        return Some(if at == from {
            fix
        } else {
            Fix {
                related_edits: fix.edits.into_iter().map(|e| (at, e)).collect(),
                edits: Vec::new(),
                ..fix
            }
        });
    }
    // Caching this factory makes a new long-lived client: not when another module keeps the
    // same one (that would be a duplicate).
    if !shared_client::may_create_shared(cx, at, idx) {
        return None;
    }
    let source = &file.source;
    // Rust: the construction inside the factory (`Self { client: Client::new(), … }`) becomes
    // a clone of one `static` client, whatever else the factory builds.
    let whole_body = !(f.method || f.parent.is_some() || f.params != 0)
        && c.returned == Returned::Direct
        && rust_lazy_body(&source.text, f.span).is_some();
    if source.lang == Lang::Rs
        && !whole_body
        && c.anchors.args_are_static
        && let Some(fix) = rust_static_fix(source, c)
    {
        return Some(if at == from {
            fix
        } else {
            Fix {
                related_edits: fix.edits.into_iter().map(|e| (at, e)).collect(),
                edits: Vec::new(),
                ..fix
            }
        });
    }
    if f.method || f.parent.is_some() || f.params != 0 || c.returned != Returned::Direct {
        return None;
    }
    let text = source.text.as_ref();
    let nl = crate::fixgen::newline(text);
    let mut edits = Vec::new();
    match source.lang {
        Lang::Py => {
            let def_line = f.def_line? as usize;
            let line = &text[def_line..];
            let indent = &line[..line.len() - line.trim_start().len()];
            // `@cache` on an `async def` would cache one coroutine, awaited twice.
            if line.trim_start().starts_with("async ") {
                return None;
            }
            let has_import = text.lines().any(|l| l.trim() == "import functools");
            edits.push(Edit {
                span: Span::new(def_line, def_line),
                content: format!("{indent}@functools.cache{nl}"),
            });
            if !has_import {
                edits.push(crate::fixgen::py_line_after_imports(
                    text,
                    c.anchors.module_insert,
                    "import functools",
                ));
            }
        }
        Lang::Ts | Lang::Tsx | Lang::Js => {
            if !c.anchors.direct_return {
                return None;
            }
            let ctor_text = source.slice(c.span);
            let base = cache_name(&c.ctor);
            let name = (0..10)
                .map(|i| {
                    if i == 0 {
                        base.clone()
                    } else {
                        format!("{base}{i}")
                    }
                })
                .find(|n| !text.contains(n.as_str()))?;
            let ty = if source.lang == Lang::Js {
                None
            } else {
                Some(ts_type(ctor_text)?)
            };
            let (decl, expr) = if file.source.project.nextjs {
                let g = format!("{name}Global");
                let decl = match &ty {
                    Some(t) => format!("const {g} = globalThis as unknown as {{ {name}?: {t} }};"),
                    None => format!("const {g} = globalThis;"),
                };
                (decl, format!("({g}.{name} ??= {ctor_text})"))
            } else {
                let decl = match &ty {
                    Some(t) => format!("let {name}: {t} | undefined;"),
                    None => format!("let {name};"),
                };
                (decl, format!("({name} ??= {ctor_text})"))
            };
            edits.push(Edit {
                span: c.span,
                content: expr,
            });
            let at = c.anchors.module_insert.map(|a| a as usize).unwrap_or(0);
            let content = if at == 0 {
                format!("{decl}{nl}")
            } else {
                format!("{nl}{decl}")
            };
            edits.push(Edit {
                span: Span::new(at, at),
                content,
            });
        }
        Lang::Rs => edits
            .push(rust_lazy_body(text, f.span).or_else(|| rust_async_memo(text, f.span, &f.name))?),
        _ => return None,
    }
    let message = format!("Build it once: cache `{}` where it is defined", f.name);
    let (edits, related_edits) = if at == from {
        (edits, Vec::new())
    } else {
        (Vec::new(), edits.into_iter().map(|e| (at, e)).collect())
    };
    Some(Fix {
        message,
        applicability: Applicability::Unsafe,
        edits,
        related_edits,
    })
}

/// `_prismaClient` for `new PrismaClient()`, `_postgres` for `postgres()`.
pub(crate) fn cache_name(ctor: &str) -> String {
    let head = ctor.trim_start_matches("new ");
    let head = head.split('(').next().unwrap_or(head);
    let last = head.rsplit(['.', ':']).next().unwrap_or(head);
    let mut chars = last.chars();
    match chars.next() {
        Some(first) if first.is_alphabetic() => {
            format!("_{}{}", first.to_lowercase(), chars.as_str())
        }
        _ => "_client".into(),
    }
}

/// The TypeScript type of a construction: `X` for `new X(…)` (type arguments kept),
/// `ReturnType<typeof f>` for `f(…)`.
pub(crate) fn ts_type(ctor_text: &str) -> Option<String> {
    let open = ctor_text.find('(')?;
    let head = ctor_text[..open].trim();
    if head == "new" {
        return None;
    }
    let ident = |t: &str| {
        !t.is_empty()
            && t.chars().all(|ch| {
                ch.is_alphanumeric() || matches!(ch, '_' | '$' | '.' | '<' | '>' | ',' | ' ')
            })
    };
    if let Some(ty) = head.strip_prefix("new ") {
        let ty = ty.trim();
        return ident(ty).then(|| ty.to_string());
    }
    (ident(head) && !head.contains('<')).then(|| format!("ReturnType<typeof {head}>"))
}
