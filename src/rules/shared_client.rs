//! Fix helpers shared by `per-request-client` and `duplicate-client-module` (TS/JS): find the
//! module of the project that exports a long-lived client of the same library and database
//! (`export const prisma = globalForPrisma.prisma ?? new PrismaClient()`), and write the import
//! that replaces a local construction with it.

use crate::diagnostic::Edit;
use crate::facts::{ClientSite, ScopeKind};
use crate::rules::ProjectCx;
use crate::source::{Lang, SourceFile, Span};

/// A project module exporting a long-lived client: its file index and the exported name.
pub struct SharedExport {
    pub file: usize,
    pub name: String,
}

/// The module (other than `fi`, or `only` when given) of `fi`'s project that exports a
/// module-level client of the same catalogue entry and database (URL variable) as `c`; the most
/// imported one when there are several.
pub fn find_export(
    cx: &ProjectCx<'_>,
    fi: usize,
    ci: usize,
    only: Option<usize>,
) -> Option<SharedExport> {
    let me = cx.files.get(fi)?;
    let c: &ClientSite = me.facts.clients.get(ci)?;
    let py = me.source.lang == Lang::Py;
    if !is_js(me.source.lang) && !py {
        return None;
    }
    let db_of = |file: usize, idx: usize| {
        crate::pools::config_of(&cx.files[file], idx)
            .and_then(|cfg| cfg.url.as_ref())
            .and_then(|u| u.env_name().map(str::to_string))
    };
    let mine = db_of(fi, ci);
    let mut best: Option<(usize, SharedExport)> = None;
    for (i, f) in cx.files.iter().enumerate() {
        if i == fi
            || only.is_some_and(|o| o != i)
            || (if py {
                f.source.lang != Lang::Py
            } else {
                !is_js(f.source.lang)
            })
            || f.source.project.root != me.source.project.root
        {
            continue;
        }
        for (ki, k) in f.facts.clients.iter().enumerate() {
            // Python: any module-level name can be imported; a getter's local cannot.
            let long_lived = k.scope.kind == ScopeKind::Module
                || (!py && k.guard.is_guarded() && k.in_fn.is_none());
            let Some(name) = k.binding.as_deref() else {
                continue;
            };
            if k.client != c.client
                || !long_lived
                || (!py && !exports(&f.source.text, name))
                || db_of(i, ki) != mine
            {
                continue;
            }
            let importers = importers(cx, i);
            if best.as_ref().is_none_or(|(n, _)| importers > *n) {
                best = Some((
                    importers,
                    SharedExport {
                        file: i,
                        name: name.to_string(),
                    },
                ));
            }
        }
    }
    best.map(|(_, e)| e)
}

/// How many other files of the run import module `fi`.
pub fn importers(cx: &ProjectCx<'_>, fi: usize) -> usize {
    let keys = &cx.files[fi].facts.module_keys;
    cx.files
        .iter()
        .enumerate()
        .filter(|(other, f)| {
            *other != fi
                && f.facts
                    .imports
                    .iter()
                    .any(|m| crate::lang::modules::module_matches(m, keys))
        })
        .count()
}

fn is_js(lang: Lang) -> bool {
    matches!(lang, Lang::Ts | Lang::Tsx | Lang::Js)
}

/// Python: `from core.mongo import client` (or `… import client as mongo`) for the module at
/// `target` (relative to the project root; a `src/` layout's prefix dropped).
pub fn py_import(target: &SourceFile, export: &str, local: &str) -> Option<String> {
    let rel = target.rel.strip_prefix("src/").unwrap_or(&target.rel);
    let stem = rel.strip_suffix(".py")?;
    let stem = stem.strip_suffix("/__init__").unwrap_or(stem);
    if stem.is_empty()
        || stem
            .split('/')
            .any(|p| p.is_empty() || p.contains(['-', '.', ' ']))
    {
        return None;
    }
    let module = stem.replace('/', ".");
    Some(if export == local {
        format!("from {module} import {export}")
    } else {
        format!("from {module} import {export} as {local}")
    })
}

/// Does the construction configure nothing but where to connect (`new PrismaClient()`,
/// `create_engine(URL)`, `new Pool({ connectionString })`)? Replacing one that sets its own
/// options (a pool size, a statement timeout) by the shared client would drop them.
pub fn only_url_args(ctor_text: &str) -> bool {
    let Some(open) = ctor_text.find('(') else {
        return false;
    };
    let Some(close) = ctor_text.rfind(')') else {
        return false;
    };
    if close < open {
        return false;
    }
    let args = split_top(&ctor_text[open + 1..close]);
    match args.as_slice() {
        [] => true,
        [one] => match one.strip_prefix('{').and_then(|o| o.strip_suffix('}')) {
            None => !one.contains('='),
            Some(obj) => split_top(obj).iter().all(|kv| {
                let key = kv.split(':').next().unwrap_or("").trim();
                matches!(key, "connectionString" | "uri" | "url" | "datasourceUrl")
            }),
        },
        _ => false,
    }
}

/// The top-level comma-separated parts of `s` (brackets, braces, parentheses and quotes nest).
fn split_top(s: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut cur = String::new();
    for ch in s.chars() {
        match quote {
            Some(q) if ch == q => quote = None,
            Some(_) => {}
            None => match ch {
                '"' | '\'' | '`' => quote = Some(ch),
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => {
                    parts.push(std::mem::take(&mut cur));
                    continue;
                }
                _ => {}
            },
        }
        cur.push(ch);
    }
    parts.push(cur);
    parts
        .into_iter()
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

/// Does the module export `name` by that name (`export const name`, `export { name }`)?
pub fn exports(text: &str, name: &str) -> bool {
    ["export const ", "export let ", "export var "]
        .iter()
        .any(|k| {
            text.match_indices(&format!("{k}{name}")).any(|(i, m)| {
                text[i + m.len()..]
                    .chars()
                    .next()
                    .is_some_and(|ch| !(ch.is_alphanumeric() || ch == '_' || ch == '$'))
            })
        })
        || text.lines().any(|l| {
            let t = l.trim();
            t.starts_with("export {")
                && t.trim_start_matches("export {")
                    .split(['}', ','])
                    .any(|part| part.trim() == name)
        })
}

/// The edit importing `export` into `source` as `local`, after its last import (`insert`),
/// in the file's style: ES `import` or CommonJS `require`, its quotes, its semicolons and a `.js`
/// extension when its relative imports carry one.
pub fn import_edit(
    source: &SourceFile,
    target: &SourceFile,
    export: &str,
    local: &str,
    insert: Option<u32>,
) -> Option<Edit> {
    let spec = relative_specifier(&source.rel, &target.rel)?;
    let text = source.text.as_str();
    let import_lines: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("import ") || l.contains("require("))
        .collect();
    let cjs = !text.lines().any(|l| l.starts_with("import ")) && text.contains("require(");
    let single = import_lines.iter().filter(|l| l.contains('\'')).count()
        > import_lines.iter().filter(|l| l.contains('"')).count();
    let semi = import_lines.is_empty() || import_lines.iter().any(|l| l.trim_end().ends_with(';'));
    // ESM projects (`"type": "module"`, NodeNext) write the extension: follow either file.
    let js_ext = |t: &str| {
        t.lines()
            .filter(|l| l.starts_with("import ") || l.contains("require(") || l.contains(" from "))
            .any(|l| l.contains(".js\"") || l.contains(".js'"))
    };
    let ext = if js_ext(text) || js_ext(&target.text) {
        ".js"
    } else {
        ""
    };
    let q = if single { '\'' } else { '"' };
    let semi = if semi { ";" } else { "" };
    let names = if export == local {
        export.to_string()
    } else if cjs {
        format!("{export}: {local}")
    } else {
        format!("{export} as {local}")
    };
    let stmt = if cjs {
        format!("const {{ {names} }} = require({q}{spec}{ext}{q}){semi}")
    } else {
        format!("import {{ {names} }} from {q}{spec}{ext}{q}{semi}")
    };
    let nl = crate::rules::newline(text);
    let at = insert.map(|a| a as usize).unwrap_or(0);
    Some(Edit {
        span: Span::new(at, at),
        content: if at == 0 {
            format!("{stmt}{nl}")
        } else {
            format!("{nl}{stmt}")
        },
    })
}

/// `../lib/prisma` from `app/api/users/route.ts` to `lib/prisma.ts` (both relative to the
/// project root, with `/`).
fn relative_specifier(from: &str, to: &str) -> Option<String> {
    let from_dir: Vec<&str> = from.split('/').collect();
    let from_dir = &from_dir[..from_dir.len().saturating_sub(1)];
    let to_parts: Vec<&str> = to.split('/').collect();
    let (to_dir, file) = to_parts.split_at(to_parts.len().checked_sub(1)?);
    let stem = file.first()?.rsplit_once('.').map(|(s, _)| s)?;
    let common = from_dir
        .iter()
        .zip(to_dir.iter())
        .take_while(|(a, b)| a == b)
        .count();
    let mut parts: Vec<String> = vec!["..".to_string(); from_dir.len() - common];
    parts.extend(to_dir[common..].iter().map(|s| s.to_string()));
    parts.push(stem.to_string());
    let joined = parts.join("/");
    Some(if joined.starts_with("..") {
        joined
    } else {
        format!("./{joined}")
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn relative_specifiers() {
        assert_eq!(
            relative_specifier("app/api/users/route.ts", "lib/prisma.ts").as_deref(),
            Some("../../../lib/prisma")
        );
        assert_eq!(
            relative_specifier("lib/auth.ts", "lib/prisma.ts").as_deref(),
            Some("./prisma")
        );
        assert_eq!(
            relative_specifier("src/routes/a.js", "src/db/pool.js").as_deref(),
            Some("../db/pool")
        );
    }

    #[test]
    fn only_url_arguments() {
        assert!(only_url_args("new PrismaClient()"));
        assert!(only_url_args("create_engine(settings.DATABASE_URL)"));
        assert!(only_url_args(
            "new Pool({ connectionString: process.env.DATABASE_URL })"
        ));
        assert!(!only_url_args(
            "new Pool({ connectionString: url, max: 60 })"
        ));
        assert!(!only_url_args("create_engine(URL, pool_size=2)"));
        assert!(!only_url_args("MongoClient(host=HOST)"));
        assert!(!only_url_args("new PrismaClient({ log: [\"query\"] })"));
    }

    #[test]
    fn exports_by_name_only() {
        assert!(exports(
            "export const prisma =\n  g.prisma ?? new PrismaClient();",
            "prisma"
        ));
        assert!(exports(
            "const pool = new Pool();\nexport { pool, other };",
            "pool"
        ));
        assert!(!exports("export const prismaClient = x;", "prisma"));
        assert!(!exports("const prisma = new PrismaClient();", "prisma"));
    }
}
