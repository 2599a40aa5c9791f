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
    if !is_js(me.source.lang) {
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
            || !is_js(f.source.lang)
            || f.source.project.root != me.source.project.root
        {
            continue;
        }
        for (ki, k) in f.facts.clients.iter().enumerate() {
            let long_lived =
                k.scope.kind == ScopeKind::Module || (k.guard.is_guarded() && k.in_fn.is_none());
            let Some(name) = k.binding.as_deref() else {
                continue;
            };
            if k.client != c.client
                || !long_lived
                || !exports(&f.source.text, name)
                || db_of(i, ki) != mine
            {
                continue;
            }
            let keys = &f.facts.module_keys;
            let importers = cx
                .files
                .iter()
                .filter(|o| {
                    o.facts
                        .imports
                        .iter()
                        .any(|m| crate::lang::modules::module_matches(m, keys))
                })
                .count();
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

fn is_js(lang: Lang) -> bool {
    matches!(lang, Lang::Ts | Lang::Tsx | Lang::Js)
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
    let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
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
