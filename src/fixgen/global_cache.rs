//! Caching a module-level client on `globalThis` (TS/JS, `hot-reload-client`): `export const
//! prisma = new PrismaClient();` becomes the cache form Next.js documents, so that a hot reload
//! reuses the client the previous module instance built.

use crate::diagnostic::{Edit, Fix};
use crate::source::{Lang, SourceFile, Span};

/// Rewrite the declaration `stmt` of `name = <the construction at ctor>` into the cache form.
pub(crate) fn global_cache_fix(
    source: &SourceFile,
    stmt: Span,
    name: &str,
    ctor: Span,
) -> Option<Fix> {
    let text = rewrite(
        source.slice(stmt),
        name,
        source.slice(ctor),
        source.lang == Lang::Ts,
    )?;
    Some(Fix::unsafe_edits(
        "Cache the client on `globalThis`",
        vec![Edit {
            span: stmt,
            content: text,
        }],
    ))
}

/// `export const prisma = globalForPrisma.prisma ?? new PrismaClient();` that never stores the
/// new client back: add the store Next.js documents after the declaration
/// (`if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = prisma;`).
pub(crate) fn store_back_fix(
    source: &SourceFile,
    stmt: Span,
    name: &str,
    ctor: Span,
) -> Option<Fix> {
    let text = source.slice(stmt);
    let rest = text.strip_prefix("export ").unwrap_or(text);
    let rest = ["const ", "let ", "var "]
        .iter()
        .find_map(|k| rest.strip_prefix(k))?
        .strip_prefix(name)?;
    let value = rest.split_once('=')?.1;
    let (cache, built) = value.split_once("??")?;
    let cache = cache.trim();
    let built = built.trim().trim_end_matches(';').trim();
    let ident =
        |c: char| c.is_alphanumeric() || matches!(c, '_' | '$' | '.' | '[' | ']' | '"' | '\'');
    if built != source.slice(ctor).trim() || cache.is_empty() || !cache.chars().all(ident) {
        return None;
    }
    let nl = crate::fixgen::newline(&source.text);
    let line = format!("if (process.env.NODE_ENV !== \"production\") {cache} = {name};");
    // After the statement's line, a trailing comment included.
    let (whole, _) = crate::fixgen::own_line(source, stmt);
    let line_text = source.slice(whole);
    let at =
        whole.end as usize - (line_text.len() - line_text.trim_end_matches(['\n', '\r']).len());
    Some(Fix::unsafe_edits(
        format!("Store the client back in `{cache}`"),
        vec![Edit {
            span: Span::new(at, at),
            content: format!("{nl}{line}"),
        }],
    ))
}

/// `export const prisma = new PrismaClient();` → the `globalThis` cache form, or `None` when the
/// statement is not a plain declaration of the construction.
pub(crate) fn rewrite(stmt: &str, name: &str, ctor: &str, typescript: bool) -> Option<String> {
    let (export, rest) = match stmt.strip_prefix("export ") {
        Some(r) => ("export ", r),
        None => ("", stmt),
    };
    let rest = rest
        .strip_prefix("const ")
        .or_else(|| rest.strip_prefix("let "))
        .or_else(|| rest.strip_prefix("var "))?;
    let rest = rest.strip_prefix(name)?;
    let (annotation, rest) = match rest.trim_start().strip_prefix(':') {
        Some(r) => {
            let eq = r.find('=')?;
            (Some(r[..eq].trim()), &r[eq..])
        }
        None => (None, rest.trim_start()),
    };
    let value = rest.strip_prefix('=')?.trim();
    let value = value.strip_suffix(';').unwrap_or(value).trim();
    if value != ctor.trim() {
        return None;
    }
    let cache = format!("globalFor{}", capitalised(name));
    let ty = match annotation {
        Some(t) => t.to_string(),
        None => match ctor.trim().strip_prefix("new ") {
            Some(c) => c.split(['(', '<']).next().unwrap_or(c).trim().to_string(),
            None => format!(
                "ReturnType<typeof {}>",
                ctor.split(['(', '<']).next().unwrap_or(ctor).trim()
            ),
        },
    };
    let cast = if typescript {
        format!(" as unknown as {{ {name}?: {ty} }}")
    } else {
        String::new()
    };
    Some(format!(
        "const {cache} = globalThis{cast};\n{export}const {name} = {cache}.{name} ?? {ctor};\nif (process.env.NODE_ENV !== \"production\") {cache}.{name} = {name};"
    ))
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_declarations() {
        assert_eq!(
            rewrite(
                "export const prisma = new PrismaClient();",
                "prisma",
                "new PrismaClient()",
                true
            )
            .as_deref(),
            Some(
                "const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };\nexport const prisma = globalForPrisma.prisma ?? new PrismaClient();\nif (process.env.NODE_ENV !== \"production\") globalForPrisma.prisma = prisma;"
            )
        );
        assert_eq!(
            rewrite("const sql = postgres(url)", "sql", "postgres(url)", true).as_deref(),
            Some(
                "const globalForSql = globalThis as unknown as { sql?: ReturnType<typeof postgres> };\nconst sql = globalForSql.sql ?? postgres(url);\nif (process.env.NODE_ENV !== \"production\") globalForSql.sql = sql;"
            )
        );
        assert!(
            rewrite(
                "const client = new MongoClient(uri), other = 1;",
                "client",
                "new MongoClient(uri)",
                false
            )
            .is_none()
        );
        assert!(rewrite("const { a } = makeIt();", "a", "makeIt()", false).is_none());
    }
}
