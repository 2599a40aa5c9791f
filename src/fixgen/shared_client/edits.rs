//! The edits of a shared-client fix: the construction replaced by the shared client, local
//! releases removed (an emptied `try` unwrapped), imports added and unused ones removed.

use super::*;

/// The construction replaced, in place, by the project's shared client: `new MongoClient(uri)`
/// → `await clientPromise`, `MongoClient(settings.MONGO_URI)` → `get_client()`, `new
/// PrismaClient()` → `prisma`, with the import added and the local closes removed (a shared
/// client must stay open). Works where a hoist cannot (inside an `if`, a loop, an expression).
/// Only for a construction that configures nothing but its URL and pool tuning (the shared
/// client's settings apply), of the same library and database, and not a single connection.
pub fn shared_expr_fix(
    cx: &ProjectCx<'_>,
    file: usize,
    idx: usize,
    export: &SharedExport,
    releases: &[String],
) -> Option<Fix> {
    let f = cx.files.get(file)?;
    let c = f.facts.clients.get(idx)?;
    let source = &f.source;
    let text = source.text.as_ref();
    if c.kind == ClientKind::Connection
        || c.anchors.with_stmt.is_some()
        || ((export.form == SharedForm::Promise || export.awaited) && !c.anchors.in_async_fn)
    {
        return None;
    }
    let ctor_text = source.slice(c.span);
    let dropped = dropped_options(cx.catalog, ctor_text)?;
    if !substitutable(cx, export) {
        return None;
    }
    let mut edits = Vec::new();
    if c.released {
        let (Some(name), Some(stmt)) = (c.binding.as_deref(), c.anchors.statement) else {
            return None;
        };
        edits.extend(remove_releases(source, stmt, name, releases)?);
    }
    let target = &cx.files.get(export.file)?.source;
    let local = export.name.as_str();
    // The name must be free in this file, or already imported from that module.
    let word = |t: &str| {
        t.split(|ch: char| !(ch.is_alphanumeric() || ch == '_' || ch == '$'))
            .any(|w| w == local)
    };
    let stem = target
        .rel
        .rsplit('/')
        .next()
        .and_then(|n| n.split('.').next())
        .unwrap_or("");
    let imported = text.lines().any(|l| {
        (l.starts_with("import ") || l.starts_with("from ") || l.contains("require("))
            && word(l)
            && l.contains(stem)
    });
    if !imported {
        if word(text) {
            return None;
        }
        edits.push(if source.lang == Lang::Py {
            py_import_edit(text, target, local, c.anchors.module_insert)?
        } else {
            import_edit(cx, source, export, local, c.anchors.module_insert)?
        });
    }
    let mut expr = export.expr(local);
    // `new MongoClient(uri).db()` → `(await clientPromise).db()`.
    if (export.form == SharedForm::Promise || (export.awaited && export.field.is_none()))
        && text[c.span.end as usize..].starts_with(['.', '['])
    {
        expr = format!("({expr})");
    }
    edits.push(Edit {
        span: c.span,
        content: expr,
    });
    push_apart(&mut edits, unused_import_edit(source, ctor_text, &[c.span]));
    let dropped = if dropped.is_empty() {
        String::new()
    } else {
        format!(
            " (its own {} {} dropped: the shared client's settings apply)",
            dropped
                .iter()
                .map(|d| format!("`{d}`"))
                .collect::<Vec<_>>()
                .join(", "),
            if dropped.len() == 1 { "is" } else { "are" }
        )
    };
    Some(Fix::unsafe_edits(
        format!(
            "Use the project's shared client, {} from `{}`{dropped}",
            export.shown(),
            target.display
        ),
        edits,
    ))
}

/// Edits deleting the statements that release `name` (`await client.close();`) in the block of
/// `stmt`, after it; a Python block left empty gets `pass`. `None` when a release has another form.
pub fn remove_releases(
    source: &SourceFile,
    stmt: Span,
    name: &str,
    releases: &[String],
) -> Option<Vec<Edit>> {
    let text = source.text.as_ref();
    let indent_of = |l: &str| l.len() - l.trim_start().len();
    let stmt_line_start = text[..stmt.start as usize]
        .rfind('\n')
        .map(|i| i + 1)
        .unwrap_or(0);
    let base = indent_of(&text[stmt_line_start..]);
    let mut pos = text[stmt.end as usize..]
        .find('\n')
        .map(|i| stmt.end as usize + i + 1)?;
    let mut lines: Vec<(usize, &str)> = Vec::new();
    while pos < text.len() {
        let end = text[pos..]
            .find('\n')
            .map(|i| pos + i + 1)
            .unwrap_or(text.len());
        let line = &text[pos..end];
        if !line.trim().is_empty() && indent_of(line) < base {
            break;
        }
        lines.push((pos, line));
        pos = end;
    }
    let is_release = |l: &str| {
        let t = l.trim().trim_end_matches(';').trim();
        let t = t.strip_prefix("await ").unwrap_or(t);
        releases.iter().any(|r| t == format!("{name}.{r}()"))
    };
    let mut edits = Vec::new();
    let mut removed = 0;
    for (i, (start, line)) in lines.iter().enumerate() {
        if !is_release(line) {
            continue;
        }
        removed += 1;
        if let Some(unwrap) = unwrap_try(source, &lines, i) {
            edits.extend(unwrap);
            continue;
        }
        let alone_in_block = source.lang == Lang::Py && {
            let prev = lines[..i]
                .iter()
                .rev()
                .map(|(_, l)| *l)
                .find(|l| !l.trim().is_empty() && !is_release(l));
            let next = lines[i + 1..]
                .iter()
                .map(|(_, l)| *l)
                .find(|l| !l.trim().is_empty() && !is_release(l));
            prev.is_some_and(|p| p.trim_end().ends_with(':'))
                && next.is_none_or(|n| indent_of(n) < indent_of(line))
        };
        let content = if alone_in_block {
            format!(
                "{}pass{}",
                &line[..indent_of(line)],
                if line.ends_with('\n') { "\n" } else { "" }
            )
        } else {
            String::new()
        };
        edits.push(Edit {
            span: Span::new(*start, start + line.len()),
            content,
        });
    }
    // Every release must have been a plain statement we removed.
    let mentions = lines
        .iter()
        .filter(|(_, l)| releases.iter().any(|r| l.contains(&format!("{name}.{r}("))))
        .count();
    (mentions == removed && removed > 0).then_some(edits)
}

/// When the release at `lines[i]` is all its `finally` holds and the `try` has no `catch` /
/// `except`, the edits that unwrap the `try` instead of leaving an empty `finally`: the `try`
/// and `finally` lines (and the closing brace) deleted, the body dedented one level. `None` when
/// the shape differs, the body holds a multi-line string (dedenting would change it), or (TS) a
/// name the body declares is declared elsewhere in the file too.
pub(super) fn unwrap_try(
    source: &SourceFile,
    lines: &[(usize, &str)],
    i: usize,
) -> Option<Vec<Edit>> {
    let py = source.lang == Lang::Py;
    let indent_of = |l: &str| l.len() - l.trim_start().len();
    let blank = |l: &str| l.trim().is_empty();
    let pi = (0..i).rev().find(|&k| !blank(lines[k].1))?;
    let (_, finally) = lines[pi];
    let fi = indent_of(finally);
    if finally.trim() != if py { "finally:" } else { "} finally {" } {
        return None;
    }
    let ni = (i + 1..lines.len()).find(|&k| !blank(lines[k].1));
    let close = if py {
        if ni.is_some_and(|k| indent_of(lines[k].1) > fi) {
            return None;
        }
        None
    } else {
        let k = ni?;
        if lines[k].1.trim() != "}" || indent_of(lines[k].1) != fi {
            return None;
        }
        Some(k)
    };
    let ti = (0..pi)
        .rev()
        .find(|&k| !blank(lines[k].1) && indent_of(lines[k].1) <= fi)?;
    let (_, try_line) = lines[ti];
    if indent_of(try_line) != fi || try_line.trim() != if py { "try:" } else { "try {" } {
        return None;
    }
    let body = &lines[ti + 1..pi];
    let first = body.iter().find(|(_, l)| !blank(l))?.1;
    let depth = indent_of(first).checked_sub(fi).filter(|d| *d > 0)?;
    let unit = &first[fi..fi + depth];
    // The block holding the `try`: where its declarations move to.
    let text = {
        let all = source.text.as_ref();
        let shallower = |l: &str| !blank(l) && indent_of(l) < fi;
        let try_at = lines[ti].0;
        let from = all[..try_at]
            .split_inclusive('\n')
            .rev()
            .scan(try_at, |end, l| {
                *end -= l.len();
                Some((*end, l))
            })
            .find(|(_, l)| shallower(l))
            .map_or(0, |(at, _)| at);
        let after = lines[pi].0;
        let to = all[after..]
            .split_inclusive('\n')
            .scan(after, |start, l| {
                *start += l.len();
                Some((*start, l))
            })
            .find(|(_, l)| shallower(l))
            .map_or(all.len(), |(end, _)| end);
        all.get(from..to).unwrap_or(all)
    };
    for (_, l) in body {
        if blank(l) {
            continue;
        }
        if !l.starts_with(&first[..fi + depth])
            || l.contains(if py { "\"\"\"" } else { "`" })
            || (py && l.contains("\'\'\'"))
        {
            return None;
        }
        if !py && indent_of(l) == fi + depth {
            let t = l.trim_start();
            if let Some(decl) = ["const ", "let ", "var "]
                .iter()
                .find_map(|k| t.strip_prefix(k))
            {
                // The names it declares: `const rows = …`, `const { rows, rowCount: n } = …`,
                // `const [a, b] = …`; each must be declared once in the enclosing block, or
                // moving it out of the `try` block could clash.
                let ident = |t: &str| -> String {
                    t.trim_start_matches("...")
                        .chars()
                        .take_while(|ch| crate::exports::is_ident(*ch))
                        .collect()
                };
                let names: Vec<String> = match decl.chars().next() {
                    Some(open @ ('{' | '[')) => {
                        let close = if open == '{' { '}' } else { ']' };
                        let inner = decl[1..].split(close).next().unwrap_or("");
                        if inner.contains(['{', '[']) || !decl[1..].contains(close) {
                            return None;
                        }
                        inner
                            .split(',')
                            .filter(|part| !part.trim().is_empty())
                            .map(|part| {
                                let local = part.rsplit(':').next().unwrap_or(part);
                                ident(local.split('=').next().unwrap_or(local).trim())
                            })
                            .collect()
                    }
                    _ => vec![ident(decl)],
                };
                for name in &names {
                    // Declarations of `name` in the block: `const|let|var` lines naming it
                    // before their `=`.
                    let declared = text
                        .lines()
                        .filter(|l| {
                            let t = l.trim_start();
                            let Some(pattern) = ["const ", "let ", "var "]
                                .iter()
                                .find_map(|k| t.strip_prefix(k))
                            else {
                                return false;
                            };
                            let pattern = pattern.split('=').next().unwrap_or(pattern);
                            pattern
                                .split(|ch: char| !crate::exports::is_ident(ch))
                                .any(|w| w == name)
                        })
                        .count();
                    if name.is_empty() || declared > 1 {
                        return None;
                    }
                }
            }
        }
    }
    let whole = |k: usize| Span::new(lines[k].0, lines[k].0 + lines[k].1.len());
    let mut edits = vec![
        Edit {
            span: whole(ti),
            content: String::new(),
        },
        Edit {
            span: whole(pi),
            content: String::new(),
        },
        Edit {
            span: whole(i),
            content: String::new(),
        },
    ];
    if let Some(k) = close {
        edits.push(Edit {
            span: whole(k),
            content: String::new(),
        });
    }
    for (start, l) in body {
        if !blank(l) {
            let at = start + fi;
            edits.push(Edit {
                span: Span::new(at, at + unit.len()),
                content: String::new(),
            });
        }
    }
    Some(edits)
}

/// Add `extra` to a fix's edits unless it overlaps or touches one of them (an import
/// inserted right after the import line `extra` would delete): an unused import left behind is
/// better than edits that cannot all apply.
pub fn push_apart(edits: &mut Vec<Edit>, extra: Option<Edit>) {
    let Some(x) = extra else { return };
    // The import line to delete is the one a new import is inserted after (`import pg from
    // "pg";` + `\nimport { pool } from "../db.js";`): the new import takes its place.
    if x.content.is_empty()
        && let Some(e) = edits.iter_mut().find(|e| {
            e.span.start == e.span.end && x.span.start < e.span.start && e.span.start < x.span.end
        })
    {
        let nl = if e.content.starts_with("\r\n") {
            2
        } else {
            usize::from(e.content.starts_with('\n'))
        };
        if nl > 0 && (x.span.end - e.span.start) as usize == nl {
            e.span = Span::new(x.span.start as usize, e.span.start as usize);
            e.content = e.content[nl..].to_string();
        }
        return;
    }
    let apart = edits
        .iter()
        .all(|e| e.span.end < x.span.start || x.span.end < e.span.start);
    if apart {
        edits.push(x);
    }
}

/// The name a construction is written with: `MongoClient` for `new MongoClient(uri)` and
/// `MongoClient(URI)`, `create_engine` for `create_engine(url)`; `None` through a module
/// (`pg.Pool`, `redis.from_url`), whose import other code may still use.
pub(super) fn ctor_ident(ctor_text: &str) -> Option<&str> {
    let head = ctor_text
        .trim_start()
        .strip_prefix("new ")
        .unwrap_or(ctor_text.trim_start());
    let ident = &head[..head.find('(')?];
    let ident = ident.trim();
    (!ident.is_empty()
        && ident
            .chars()
            .all(|ch| ch.is_alphanumeric() || ch == '_' || ch == '$'))
    .then_some(ident)
}

/// The module a construction is reached through, when it is one plain name: `pg` for `new
/// pg.Pool(…)`; `None` for a longer path (`a.b.C(…)`) or a bare name.
fn module_head(ctor_text: &str) -> Option<&str> {
    let head = ctor_text
        .trim_start()
        .strip_prefix("new ")
        .unwrap_or(ctor_text.trim_start());
    let (module, rest) = head[..head.find('(')?].trim().split_once('.')?;
    let ident = |t: &str| {
        !t.is_empty()
            && t.chars()
                .all(|ch| ch.is_alphanumeric() || ch == '_' || ch == '$')
    };
    (ident(module) && ident(rest)).then_some(module)
}

/// When the construction `ctor_text` was the last use of its imported name (every other
/// occurrence of the word is in `removed` spans or on its import line), the edit that drops the
/// name from a one-line `import { A, B } from "m";` / `import A from "m";` (TS/JS) or `from m
/// import A, B` (Python): the whole line when nothing else is left.
pub fn unused_import_edit(source: &SourceFile, ctor_text: &str, removed: &[Span]) -> Option<Edit> {
    // `new pg.Pool(…)`: the module's default or namespace import (`import pg from "pg"`), when
    // nothing else uses it either.
    let ident = ctor_ident(ctor_text).or_else(|| module_head(ctor_text))?;
    let text = source.text.as_ref();
    let word = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
    let uses: Vec<usize> = text
        .match_indices(ident)
        .filter(|(i, _)| {
            !text[..*i].chars().next_back().is_some_and(word)
                && !text[i + ident.len()..].chars().next().is_some_and(word)
        })
        .map(|(i, _)| i)
        .collect();
    let mut import: Option<(usize, &str)> = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let here = uses.iter().any(|u| (pos..pos + line.len()).contains(u));
        let t = line.trim();
        let is_import = (t.starts_with("import ") && t.contains(" from "))
            || (source.lang == Lang::Py && t.starts_with("from ") && t.contains(" import "));
        if here && is_import {
            if import.is_some() {
                return None;
            }
            import = Some((pos, line));
        }
        pos += line.len();
    }
    let (start, line) = import?;
    let outside = uses.iter().filter(|u| {
        !(start..start + line.len()).contains(*u)
            && !removed
                .iter()
                .any(|r| (r.start as usize..r.end as usize).contains(*u))
    });
    if outside.count() > 0 {
        return None;
    }
    let body = line.trim_end_matches(['\n', '\r']);
    let whole = Edit {
        span: Span::new(start, start + line.len()),
        content: String::new(),
    };
    if body.contains(['#', '(', '\\']) || body.contains("//") || body.contains("/*") {
        return None;
    }
    // The names between `{`…`}` (TS/JS) or after `import` (Python).
    let (names_at, names): (usize, &str) = if source.lang == Lang::Py {
        let at = body.find(" import ")? + " import ".len();
        (at, &body[at..])
    } else if let (Some(open), Some(close)) = (body.find('{'), body.find('}')) {
        if body[..open].trim() != "import" {
            return None;
        }
        (open + 1, &body[open + 1..close])
    } else {
        // `import MongoClient from "mongodb";`, `import * as pg from "pg";`
        let default = body.strip_prefix("import ")?.split(" from ").next()?.trim();
        let default = default.strip_prefix("* as ").map_or(default, str::trim);
        return (default == ident).then_some(whole);
    };
    let parts: Vec<&str> = names
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if !parts.contains(&ident) {
        return None;
    }
    let kept: Vec<&str> = parts.into_iter().filter(|p| *p != ident).collect();
    if kept.is_empty() {
        return Some(whole);
    }
    let rebuilt = if source.lang == Lang::Py {
        kept.join(", ")
    } else {
        format!(" {} ", kept.join(", "))
    };
    let end = names_at + names.len();
    Some(Edit {
        span: Span::new(start + names_at, start + end),
        content: rebuilt,
    })
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

/// Python: the edit importing `name` from the module at `target`: added to an existing
/// one-line `from module import a, b` of that module, or as a line after the last import.
pub(super) fn py_import_edit(
    text: &str,
    target: &SourceFile,
    name: &str,
    insert: Option<u32>,
) -> Option<Edit> {
    let line = py_import(target, name, name)?;
    let prefix = line.strip_suffix(name)?;
    let mut pos = 0;
    for l in text.split_inclusive('\n') {
        let body = l.trim_end_matches(['\n', '\r']);
        if body.starts_with(prefix) && !body.contains(['(', '\\', '#', ';']) {
            let at = pos + body.trim_end().len();
            return Some(Edit {
                span: Span::new(at, at),
                content: format!(", {name}"),
            });
        }
        pos += l.len();
    }
    Some(crate::fixgen::py_line_after_imports(text, insert, &line))
}

/// The edit importing `export` into `source` as `local`, after its last import (`insert`),
/// in the file's style: ES `import` or CommonJS `require`, its quotes, its semicolons and a `.js`
/// extension when its relative imports carry one.
pub fn import_edit(
    cx: &ProjectCx<'_>,
    source: &SourceFile,
    export: &SharedExport,
    local: &str,
    insert: Option<u32>,
) -> Option<Edit> {
    let target = &cx.files.get(export.file)?.source;
    // A relative specifier for a module beside or below this one (`./prisma`); for one that
    // climbs (`../../../lib/mongodb`), the alias the project already imports it by
    // (`@/lib/mongodb`) when there is one.
    let relative = relative_specifier(&source.rel, &target.rel)?;
    let spec = match project_specifier(cx, export.file) {
        Some(alias) if relative.starts_with("../") => alias,
        _ => relative,
    };
    let default = export.default;
    let export = export.name.as_str();
    let text = source.text.as_ref();
    let import_lines: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("import ") || l.contains("require("))
        .collect();
    let cjs = !text.lines().any(|l| l.starts_with("import ")) && text.contains("require(");
    let single = import_lines.iter().filter(|l| l.contains('\'')).count()
        > import_lines.iter().filter(|l| l.contains('"')).count();
    let semi = import_lines.is_empty() || import_lines.iter().any(|l| l.trim_end().ends_with(';'));
    let ext = specifier_ext(cx, source, target);
    let q = if single { '\'' } else { '"' };
    let semi = if semi { ";" } else { "" };
    if default && cjs {
        return None;
    }
    let names = if default {
        local.to_string()
    } else if export == local {
        export.to_string()
    } else if cjs {
        format!("{export}: {local}")
    } else {
        format!("{export} as {local}")
    };
    let stmt = if cjs {
        format!("const {{ {names} }} = require({q}{spec}{ext}{q}){semi}")
    } else if default {
        format!("import {names} from {q}{spec}{ext}{q}{semi}")
    } else {
        format!("import {{ {names} }} from {q}{spec}{ext}{q}{semi}")
    };
    let nl = crate::fixgen::newline(text);
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

/// The extension the project writes in relative specifiers, for one naming `target`: ESM
/// projects (`"type": "module"`, NodeNext) must write it (`../db.js` for `db.ts`, `../db.mjs`,
/// `../db.ts` where sources import `.ts` files). The file's own relative imports decide; without
/// any, those of the project's other files (most of them, among the first 256); `""` when they
/// carry none.
fn specifier_ext(cx: &ProjectCx<'_>, source: &SourceFile, target: &SourceFile) -> &'static str {
    let mut own = Vec::new();
    relative_specifiers(&source.text, &mut own);
    let specs = if own.is_empty() {
        // (The first 256 of them at most: a fix is built per finding, and a project of
        // thousands of modules without a relative import would be read whole for each.)
        let mut all = Vec::new();
        let same = cx
            .files
            .iter()
            .filter(|f| f.source.project.root == source.project.root && is_js(f.source.lang));
        for f in same.take(256) {
            relative_specifiers(&f.source.text, &mut all);
            if all.len() >= 64 {
                break;
            }
        }
        all
    } else {
        own
    };
    const TS: [&str; 4] = [".ts", ".tsx", ".mts", ".cts"];
    const JS: [&str; 4] = [".js", ".jsx", ".mjs", ".cjs"];
    let ext_of = |s: &str| {
        let name = s.rsplit('/').next().unwrap_or(s);
        TS.iter()
            .chain(JS.iter())
            .copied()
            .find(|e| name.ends_with(e) && name.len() > e.len())
    };
    let with: Vec<&str> = specs.iter().filter_map(|s| ext_of(s)).collect();
    if with.is_empty() || with.len() * 2 < specs.len() {
        return "";
    }
    let real = target.rel.rsplit_once('.').map_or("", |(_, e)| e);
    let ts_style = with.iter().any(|e| TS.contains(e));
    match real {
        "ts" | "tsx" if ts_style => {
            if real == "ts" {
                ".ts"
            } else {
                ".tsx"
            }
        }
        "mts" if ts_style => ".mts",
        "cts" if ts_style => ".cts",
        "ts" | "tsx" | "js" | "jsx" => ".js",
        "mts" | "mjs" => ".mjs",
        "cts" | "cjs" => ".cjs",
        _ => "",
    }
}

/// The relative specifiers (`./x`, `../lib/db.js`) of a module's imports, re-exports and
/// `require` calls, as written.
fn relative_specifiers(text: &str, out: &mut Vec<String>) {
    for line in text.lines() {
        let t = line.trim_start();
        if !(t.starts_with("import ")
            || t.starts_with("export ")
            || t.starts_with("} from ")
            || line.contains("require(")
            || line.contains("import("))
        {
            continue;
        }
        for q in ['"', '\''] {
            for (i, _) in line.match_indices(q) {
                let rest = &line[i + 1..];
                let Some(end) = rest.find(q) else { continue };
                let spec = &rest[..end];
                if spec.starts_with("./") || spec.starts_with("../") {
                    out.push(spec.to_string());
                }
            }
        }
    }
}

/// `../lib/prisma` from `app/api/users/route.ts` to `lib/prisma.ts` (both relative to the
/// project root, with `/`).
pub(super) fn relative_specifier(from: &str, to: &str) -> Option<String> {
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

/// The import that brings the project's shared client `export` (a value) into the file of the
/// local construction `idx` under the local's name, where the local may be replaced by it: its
/// own pool tuning gives way to the shared client's, and the shared one may stand in for it.
pub fn value_import(
    cx: &ProjectCx<'_>,
    file: usize,
    idx: usize,
    export: &SharedExport,
) -> Option<Edit> {
    let f = cx.files.get(file)?;
    let c = f.facts.clients.get(idx)?;
    let local = c.binding.as_deref()?;
    dropped_options(cx.catalog, f.source.slice(c.span))?;
    if !substitutable(cx, export) {
        return None;
    }
    let target = &cx.files.get(export.file)?.source;
    if f.source.lang == Lang::Py {
        return Some(crate::fixgen::py_line_after_imports(
            &f.source.text,
            Some(c.anchors.module_insert?),
            &py_import(target, &export.name, local)?,
        ));
    }
    import_edit(cx, &f.source, export, local, c.anchors.module_insert)
}

/// An alias specifier (`@/lib/mongodb`, `~/server/db`) by which another file of the project
/// imports module `target`; `None` when they use relative paths (or nobody imports it).
pub(super) fn project_specifier(cx: &ProjectCx<'_>, target: usize) -> Option<String> {
    let t = cx.files.get(target)?;
    let stem = t
        .source
        .rel
        .rsplit_once('.')
        .map_or(t.source.rel.as_str(), |(s, _)| s);
    let stem = stem.strip_suffix("/index").unwrap_or(stem);
    for f in cx.files {
        if !is_js(f.source.lang)
            || f.source.project.root != t.source.project.root
            || !f
                .facts
                .imports
                .iter()
                .any(|m| m.names_any(&t.facts.module_keys))
        {
            continue;
        }
        for q in ['"', '\'', '`'] {
            for (i, _) in f.source.text.match_indices(q) {
                let rest = &f.source.text[i + 1..];
                let Some(end) = rest.find(q) else { continue };
                let spec = &rest[..end];
                let Some(path) = ["@/", "~/", "#/", "@src/", "#"]
                    .iter()
                    .find_map(|p| spec.strip_prefix(p))
                else {
                    continue;
                };
                let path = path.trim_end_matches(".js").trim_end_matches(".ts");
                if stem == path || stem.ends_with(&format!("/{path}")) {
                    return Some(spec.to_string());
                }
            }
        }
    }
    None
}
