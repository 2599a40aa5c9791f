//! Using the project's shared client instead of constructing another: the construction becomes
//! an import of the kept module's export, or is replaced in place by it.

use crate::cx::ProjectCx;
use crate::diagnostic::{Edit, Fix};
use crate::facts::ScopeKind;
use crate::fixgen::shared_client;
use crate::source::Lang;

/// Replace the duplicate by the kept module's client (Unsafe: this module now shares the kept
/// client's options; pool tuning of its own is dropped, anything else refuses the fix). Not when
/// the module releases its client (`db.$disconnect()`): it would close the shared one.
/// - A module-level `const db = new PrismaClient();` (TS/JS) or `db = create_engine(URL)`
///   (Python) alone on its line, the kept module exporting its client by name → the line becomes
///   the import (`import { prisma as db } from "./prisma";`, `from app.db import engine as db`).
/// - Otherwise the construction is replaced in place by the shared client (`self.client =
///   get_client()`, `_client = get_client()`) and the import added.
pub fn import_fix(cx: &ProjectCx<'_>, fi: usize, ci: usize, keep: usize) -> Option<Fix> {
    let file = cx.files.get(fi)?;
    let c = file.facts.clients.get(ci)?;
    let text = file.source.text.as_ref();
    let ctor = file.source.slice(c.span).trim();
    shared_client::dropped_options(cx.catalog, ctor)?;
    let releases = cx
        .catalog
        .by_id(&c.client)
        .map(|d| d.release.clone())
        .unwrap_or_default();
    if let Some(local) = c.binding.as_deref()
        && releases
            .iter()
            .any(|r| text.contains(&format!("{local}.{r}(")))
    {
        return None;
    }
    let export = shared_client::find_export(cx, fi, ci, Some(keep))?;
    if !shared_client::substitutable(cx, &export) {
        return None;
    }
    if export.form == shared_client::SharedForm::Value
        && let Some(fix) = import_line_fix(cx, fi, ci, &export)
    {
        return Some(fix);
    }
    shared_client::shared_expr_fix(cx, fi, ci, &export, &releases)
}

/// The module-level declaration of the duplicate becomes the import of the kept client.
fn import_line_fix(
    cx: &ProjectCx<'_>,
    fi: usize,
    ci: usize,
    export: &shared_client::SharedExport,
) -> Option<Fix> {
    let file = cx.files.get(fi)?;
    let c = file.facts.clients.get(ci)?;
    if c.scope.kind != ScopeKind::Module {
        return None;
    }
    let local = c.binding.as_deref()?;
    let stmt = c.anchors.statement?;
    let text = file.source.text.as_ref();
    let ctor = file.source.slice(c.span).trim();
    let stmt_text = file.source.slice(stmt).trim().trim_end_matches(';').trim();
    let keywords: &[&str] = if file.source.lang == Lang::Py {
        &[""]
    } else {
        &["const ", "let ", "var "]
    };
    if !keywords
        .iter()
        .any(|k| stmt_text == format!("{k}{local} = {ctor}"))
    {
        return None;
    }
    let (line, alone) = crate::fixgen::own_line(&file.source, stmt);
    if !alone {
        return None;
    }
    let (line_start, line_end) = (line.start as usize, line.end as usize);
    let target = &cx.files.get(export.file)?.source;
    if file.source.lang == Lang::Py {
        // The assignment becomes the import, in place.
        let import = shared_client::py_import(target, &export.name, local)?;
        let indent = &text[line_start..stmt.start as usize];
        let nl = if text[..line_end].ends_with("\r\n") {
            "\r\n"
        } else if text[..line_end].ends_with('\n') {
            "\n"
        } else {
            ""
        };
        let mut edits = vec![Edit {
            span: line,
            content: format!("{indent}{import}{nl}"),
        }];
        shared_client::push_apart(
            &mut edits,
            shared_client::unused_import_edit(&file.source, ctor, &[line]),
        );
        return Some(Fix::unsafe_edits(
            format!("Import `{}` from `{}` instead", export.name, target.display),
            edits,
        ));
    }
    let import =
        shared_client::import_edit(cx, &file.source, export, local, c.anchors.module_insert)?;
    let mut edits = vec![
        Edit {
            span: line,
            content: String::new(),
        },
        import,
    ];
    shared_client::push_apart(
        &mut edits,
        shared_client::unused_import_edit(&file.source, ctor, &[line]),
    );
    Some(Fix::unsafe_edits(
        format!("Import `{}` from `{}` instead", export.name, target.display),
        edits,
    ))
}
