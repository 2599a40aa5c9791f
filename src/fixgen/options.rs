//! Editing a URL parameter or a constructor option: `pgbouncer=true` appended to a URL, an
//! option a transaction pooler needs added to the call (`prepare: false`,
//! `statement_cache_size=0`, `poolclass=NullPool` with the keywords it rejects removed), pool
//! sizes set within a budget (a written value, a URL parameter, or the library default written
//! out). Used by `pooler-prepared-statements` and `oversized-pool`.

use crate::catalog::PoolerRequirement;
use crate::cx::ProjectCx;
use crate::diagnostic::{Applicability, Edit, Fix};
use crate::pools::{self, ResolvedUrl};
use crate::source::{Lang, SourceFile, Span};

/// Append `param=value` to a URL (`…/db?sslmode=require` → `…&pgbouncer=true`).
pub(crate) fn url_param_fix(
    source: &SourceFile,
    span: Span,
    url: &str,
    param: &str,
    value: &str,
) -> Option<Fix> {
    Some(Fix::unsafe_edits(
        format!("Add `{param}={value}` to the URL"),
        vec![url_param_edit(source, span, url, param, value)?],
    ))
}

/// An edit appending `param=value` to the URL `url` written inside `span`.
pub(crate) fn url_param_edit(
    source: &SourceFile,
    span: Span,
    url: &str,
    param: &str,
    value: &str,
) -> Option<Edit> {
    let written = source.slice(span);
    let end = span.start as usize + written.find(url)? + url.len();
    let sep = if url.contains('?') { "&" } else { "?" };
    Some(Edit {
        span: Span::new(end, end),
        content: format!("{sep}{param}={value}"),
    })
}

/// The edit a requirement allows: its URL parameter appended where the URL is written (a dotenv
/// file or a literal, possibly in another file), or its option added to the construction's call
/// (`statement_cache_size=0`, `connect_args={"statement_cache_size": 0}`, `prepare: false`) when
/// the call does not set that option already. Unsafe: it changes how the client talks to the
/// database.
pub(crate) fn requirement_fix(
    cx: &ProjectCx<'_>,
    fi: usize,
    c: &crate::facts::ClientSite,
    req: &PoolerRequirement,
    url: &ResolvedUrl,
) -> Option<Fix> {
    let value = req.equals.first()?;
    if let Some(param) = &req.url_param {
        // Written with another value: the user chose it; do not add a second one.
        if url.parsed.param(param).is_some() {
            return None;
        }
        let (uf, span) = url.loc;
        let edit = url_param_edit(&cx.files.get(uf)?.source, span, &url.text, param, value)?;
        let (edits, related_edits) = if uf == fi {
            (vec![edit], Vec::new())
        } else {
            (Vec::new(), vec![(uf, edit)])
        };
        return Some(Fix {
            message: format!("Add `{param}={value}` to the URL"),
            applicability: Applicability::Unsafe,
            edits,
            related_edits,
        });
    }
    let source = &cx.files.get(fi)?.source;
    let call = source.slice(c.span);
    let close = call.rfind(')')?;
    if !call[close + 1..].trim().is_empty() {
        return None;
    }
    let literal = |v: &str| {
        matches!(v, "0" | "None" | "False" | "True" | "false" | "true") || v.parse::<i64>().is_ok()
    };
    let option = req.options.first()?;
    let inner = call[..close].trim_end();
    let (addition, message) = match source.lang {
        Lang::Py => {
            let (key, text) = match option.split_once('.') {
                None => (option.as_str(), format!("{option}={value}")),
                Some((outer, leaf)) => (outer, format!("{outer}={{\"{leaf}\": {value}}}")),
            };
            if !(literal(value) || req.import.is_some()) || option.matches('.').count() > 1 {
                return None;
            }
            if call.contains(&format!("{key}=")) {
                // `connect_args={"statement_cache_size": 0}`: the entry goes into the dict.
                let (_, leaf) = option.split_once('.')?;
                return dict_entry_fix(source, c, call, key, leaf, value, req);
            }
            (text.clone(), text)
        }
        Lang::Ts | Lang::Tsx | Lang::Js => {
            if option.contains('.') || !literal(value) || call.contains(&format!("{option}:")) {
                return None;
            }
            let text = format!("{option}: {value}");
            if call.matches('{').count() == 0 {
                (format!("{{ {text} }}"), text)
            } else {
                // `postgres(url, { max: 1 })`: into the trailing options object.
                let obj = inner.strip_suffix('}')?.trim_end();
                if call.matches('{').count() != 1 || obj.ends_with('{') {
                    return None;
                }
                let at = c.span.start as usize + obj.len();
                let sep = if obj.ends_with(',') { " " } else { ", " };
                return Some(Fix {
                    message: format!("Pass `{text}`"),
                    applicability: Applicability::Unsafe,
                    edits: vec![Edit {
                        span: Span::new(at, at),
                        content: format!("{sep}{text}"),
                    }],
                    related_edits: Vec::new(),
                });
            }
        }
        _ => return None,
    };
    let dropped = if source.lang == Lang::Py {
        drop_keywords(call, &req.drops)?
    } else {
        Vec::new()
    };
    if let Some((first, rest)) = dropped.split_first() {
        // `create_engine(url, pool_size=20, max_overflow=10)` → `create_engine(url,
        // poolclass=NullPool)`: the first rejected keyword becomes the option, the others go
        // (each with what separates it from the next argument).
        let base = c.span.start as usize;
        let spans = arg_spans(call)?;
        let mut edits = vec![Edit {
            span: Span::new(base + first.0, base + first.1),
            content: addition.clone(),
        }];
        for (s, e) in rest {
            let i = spans.iter().position(|x| x == &(*s, *e))?;
            let span = match spans.get(i + 1) {
                Some(next) => Span::new(base + s, base + next.0),
                None => Span::new(base + spans.get(i.checked_sub(1)?)?.1, base + e),
            };
            edits.push(Edit {
                span,
                content: String::new(),
            });
        }
        if let Some(import) = &req.import
            && !source.text.lines().any(|l| l.trim() == import)
        {
            edits.push(crate::fixgen::py_line_after_imports(
                &source.text,
                c.anchors.module_insert,
                import,
            ));
        }
        let names: Vec<String> = dropped
            .iter()
            .filter_map(|(s, e)| call.get(*s..*e)?.split('=').next())
            .map(|k| format!("`{}`", k.trim()))
            .collect();
        return Some(Fix::unsafe_edits(
            format!(
                "Pass `{message}` instead of {}, which it rejects",
                names.join(", ")
            ),
            edits,
        ));
    }
    let at = c.span.start as usize + inner.len();
    let sep = if inner.ends_with('(') {
        ""
    } else if inner.ends_with(',') {
        " "
    } else {
        ", "
    };
    let mut edits = vec![Edit {
        span: Span::new(at, at),
        content: format!("{sep}{addition}"),
    }];
    if let Some(import) = &req.import
        && !source.text.lines().any(|l| l.trim() == import)
    {
        edits.push(crate::fixgen::py_line_after_imports(
            &source.text,
            c.anchors.module_insert,
            import,
        ));
    }
    Some(Fix::unsafe_edits(format!("Pass `{message}`"), edits))
}

/// `connect_args={"statement_cache_size": 0}` → `connect_args={"statement_cache_size": 0,
/// "leaf": value}`: an entry added to the dict literal a keyword argument `key` of the call
/// holds (with the requirement's import). `None` when the keyword is not a dict literal or
/// already names `leaf`.
fn dict_entry_fix(
    source: &SourceFile,
    c: &crate::facts::ClientSite,
    call: &str,
    key: &str,
    leaf: &str,
    value: &str,
    req: &PoolerRequirement,
) -> Option<Fix> {
    let (s, e) = arg_spans(call)?.into_iter().find(|(s, e)| {
        call[*s..*e]
            .split_once('=')
            .is_some_and(|(k, _)| k.trim() == key)
    })?;
    let arg = &call[s..e];
    let dict = arg.split_once('=')?.1.trim_start();
    if !dict.starts_with('{') || !dict.ends_with('}') || dict.contains(&format!("\"{leaf}\"")) {
        return None;
    }
    let body = dict[..dict.len() - 1].trim_end();
    let at = c.span.start as usize + s + arg.len() - dict.len() + body.len();
    let sep = if body.ends_with('{') {
        ""
    } else if body.ends_with(',') {
        " "
    } else {
        ", "
    };
    let entry = format!("\"{leaf}\": {value}");
    let mut edits = vec![Edit {
        span: Span::new(at, at),
        content: format!("{sep}{entry}"),
    }];
    if let Some(import) = &req.import
        && !source.text.lines().any(|l| l.trim() == import)
    {
        edits.push(crate::fixgen::py_line_after_imports(
            &source.text,
            c.anchors.module_insert,
            import,
        ));
    }
    Some(Fix::unsafe_edits(
        format!("Add `{entry}` to `{key}`"),
        edits,
    ))
}

/// The top-level arguments of a call's text, as byte ranges into it, trimmed (`f(a, b=[1, 2])`
/// → `a`, `b=[1, 2]`); Python comments between them are skipped. `None` when a string or
/// bracket is left open.
fn arg_spans(call: &str) -> Option<Vec<(usize, usize)>> {
    let open = call.find('(')?;
    let close = call.rfind(')')?;
    let inner = call.get(open + 1..close)?;
    let mut out = Vec::new();
    let (mut depth, mut quote, mut comment) = (0i32, None::<char>, false);
    let mut start: Option<usize> = None;
    let mut end = 0usize;
    for (i, ch) in inner.char_indices() {
        if comment {
            comment = ch != '\n';
            continue;
        }
        match quote {
            Some(q) if ch == q => quote = None,
            Some(_) => {}
            None => match ch {
                '"' | '\'' => quote = Some(ch),
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => {
                    if let Some(s) = start.take() {
                        out.push((open + 1 + s, open + 1 + end));
                    }
                    continue;
                }
                '#' => {
                    comment = true;
                    continue;
                }
                _ => {}
            },
        }
        if !ch.is_whitespace() || quote.is_some() {
            start.get_or_insert(i);
            end = i + ch.len_utf8();
        }
    }
    if depth != 0 || quote.is_some() {
        return None;
    }
    if let Some(s) = start {
        out.push((open + 1 + s, open + 1 + end));
    }
    Some(out)
}

/// The keyword arguments of `call` named in `drops` (`pool_size=20`), as byte ranges.
fn drop_keywords(call: &str, drops: &[String]) -> Option<Vec<(usize, usize)>> {
    if drops.is_empty() {
        return Some(Vec::new());
    }
    Some(
        arg_spans(call)?
            .into_iter()
            .filter(|(s, e)| {
                call[*s..*e]
                    .split_once('=')
                    .is_some_and(|(k, _)| drops.iter().any(|d| d == k.trim()))
            })
            .collect(),
    )
}

/// Set the written size terms so that their sum fits `limit` (Unsafe: a policy change). The base
/// term gets what the defaults of the other terms leave; written additive terms (`max_overflow`)
/// become 0. Values in URLs are edited in place (`connection_limit=40` → `=15`).
pub(crate) fn fit_fix(cx: &ProjectCx<'_>, terms: &[pools::Term], limit: u64) -> Option<Fix> {
    let defaults = pools::sum(
        terms
            .iter()
            .skip(1)
            .filter(|t| t.at.is_none())
            .map(|t| t.value),
    );
    let mut edits_by_file: Option<(usize, Vec<Edit>)> = None;
    let mut described = Vec::new();
    for (i, t) in terms.iter().enumerate() {
        let Some((file, span)) = t.at else { continue };
        let new = if i == 0 {
            limit.saturating_sub(defaults).max(1)
        } else {
            0
        };
        let text = cx.files[file].source.slice(span);
        let edit = if text.trim().parse::<i64>().is_ok() {
            Edit {
                span,
                content: new.to_string(),
            }
        } else if let Some(pos) = text.find(&format!("{}=", t.key)) {
            // A URL: replace the parameter's value.
            let start = pos + t.key.len() + 1;
            let len = text[start..]
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(text.len() - start);
            let s = span.start as usize + start;
            Edit {
                span: Span::new(s, s + len),
                content: new.to_string(),
            }
        } else {
            return None;
        };
        match &mut edits_by_file {
            None => edits_by_file = Some((file, vec![edit])),
            Some((f, edits)) if *f == file => edits.push(edit),
            // Terms in several files cannot be one fix.
            Some(_) => return None,
        }
        described.push(format!("`{}` to {new}", t.key));
    }
    let (_, edits) = edits_by_file?;
    Some(Fix::unsafe_edits(
        format!(
            "Set {} (within the budget of {limit})",
            described.join(" and ")
        ),
        edits,
    ))
}

/// The library's defaults make the pool too big and nothing is written: write the size into
/// the call (`mongoose.connect(url)` → `mongoose.connect(url, { maxPoolSize: 10 })`,
/// `create_engine(url)` → `create_engine(url, pool_size=2, max_overflow=0)`, `new Pool({
/// connectionString })` → `new Pool({ connectionString, max: 2 })`). Only for top-level option
/// names, a call whose options are all visible (no `...spread` / `**kwargs`) and at most one
/// options object. Unsafe, like the other size fixes.
pub(crate) fn default_fix(
    cx: &ProjectCx<'_>,
    fi: usize,
    call_span: Span,
    terms: &[pools::Term],
    limit: u64,
) -> Option<Fix> {
    if terms.is_empty() || terms.iter().any(|t| t.at.is_some() || t.key.contains('.')) {
        return None;
    }
    let source = &cx.files.get(fi)?.source;
    let call = source.slice(call_span);
    let close = call.rfind(')')?;
    if !call[close + 1..].trim().is_empty() || call.contains("...") || call.contains("**") {
        return None;
    }
    let inner = call[..close].trim_end();
    let py = source.lang == Lang::Py;
    // The first term is the pool's size; the others are additive (an overflow): set to 0.
    let settings: Vec<(String, u64)> = terms
        .iter()
        .enumerate()
        .map(|(i, t)| (t.key.clone(), if i == 0 { limit } else { 0 }))
        .collect();
    let sep = |inner: &str| {
        if inner.ends_with('(') || inner.ends_with('{') {
            ""
        } else if inner.ends_with(',') {
            " "
        } else {
            ", "
        }
    };
    let (at, content) = if py {
        let kw: Vec<String> = settings.iter().map(|(k, v)| format!("{k}={v}")).collect();
        (inner.len(), format!("{}{}", sep(inner), kw.join(", ")))
    } else {
        let kv: Vec<String> = settings.iter().map(|(k, v)| format!("{k}: {v}")).collect();
        match call.matches('{').count() {
            0 => (
                inner.len(),
                format!("{}{{ {} }}", sep(inner), kv.join(", ")),
            ),
            1 => {
                // Into the options object, when it is the last argument.
                let obj = inner.strip_suffix('}')?.trim_end();
                if obj.ends_with('{') {
                    (obj.len(), format!(" {} ", kv.join(", ")))
                } else {
                    (obj.len(), format!("{}{}", sep(obj), kv.join(", ")))
                }
            }
            _ => return None,
        }
    };
    let at = call_span.start as usize + at;
    let described: Vec<String> = settings
        .iter()
        .map(|(k, v)| format!("`{k}` to {v}"))
        .collect();
    Some(Fix::unsafe_edits(
        format!(
            "Set {} (within the budget of {limit})",
            described.join(" and ")
        ),
        vec![Edit {
            span: Span::new(at, at),
            content,
        }],
    ))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn arguments_split_at_the_top_level() {
        let args = |c: &str| -> Vec<String> {
            arg_spans(c)
                .unwrap()
                .into_iter()
                .map(|(s, e)| c[s..e].to_string())
                .collect()
        };
        assert_eq!(
            args("create_engine(url, connect_args={\"a\": 1, \"b\": (2, 3)}, echo=True,)"),
            vec!["url", "connect_args={\"a\": 1, \"b\": (2, 3)}", "echo=True"]
        );
        assert_eq!(
            args("e(  # primary, with a comma\n    url,\n    pool_size=5,  # tuned\n)"),
            vec!["url", "pool_size=5"]
        );
        let call = "e(url, pool_size=5, max_overflow=0, pool_pre_ping=True)";
        let dropped: Vec<&str> = drop_keywords(call, &["pool_size".into(), "max_overflow".into()])
            .unwrap()
            .into_iter()
            .map(|(s, e)| &call[s..e])
            .collect();
        assert_eq!(dropped, vec!["pool_size=5", "max_overflow=0"]);
        assert!(arg_spans("e(url, \"open)").is_none());
    }
}
