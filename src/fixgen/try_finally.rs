//! Wrapping what follows an acquisition in `try … finally` (TS/JS) or `try:` / `finally:`
//! (Python) with the release, for `unclosed-session`: the front-end gives the statement and the
//! rest of its block (`SessionAnchors`), this module re-indents it and moves an existing release
//! into the `finally`. Also the language-specific help for such a session.

use crate::diagnostic::{Applicability, Edit, Fix};
use crate::facts::{ClientKind, SessionSite};
use crate::source::{Lang, SourceFile, Span};

pub(crate) fn help(s: &SessionSite, lang: Lang) -> String {
    let Some(release) = s.release.as_deref() else {
        return format!(
            "open it with `with {}` (or `async with`): only the context manager gives it back",
            s.ctor
        );
    };
    let Some(name) = s.binding.as_deref() else {
        return match lang {
            Lang::Py => format!(
                "bind it and close it: `with {} as x:` (`async with` for an async client), or `x.{release}()` in a `finally:` block",
                s.ctor
            ),
            _ => format!(
                "bind it to a variable and call `.{release}()` on it in a `finally {{ … }}` block"
            ),
        };
    };
    match lang {
        Lang::Py if s.in_generator => format!(
            "wrap the `yield` in `try: yield {name}` / `finally: {name}.{release}()` (or open it with `with`): code after a dependency's `yield` does not run when the request fails"
        ),
        Lang::Py if release == "putconn" => format!(
            "return it to the pool in a `finally:` block (`pool.putconn({name})`), so an exception cannot leak it"
        ),
        Lang::Py => format!(
            "open it with `with` / `async with`, or call `{name}.{release}()` in a `finally:` block"
        ),
        _ => format!(
            "call `{name}.{release}()` in a `finally {{ … }}` block after using it, so an exception cannot leak it; the pool runs out of connections otherwise"
        ),
    }
}

/// Wrap the statements after the acquisition in `try … finally` with the release (Python,
/// TS/JS). The front-end decides what may be wrapped (`rest_of_block`, `None` where wrapping
/// could change behaviour); a release that ends it (`db.close()` after `yield db`) moves into
/// the `finally`. Python: a construction that is not bound (`r = await
/// aiohttp.ClientSession().get(u)`) is bound to a fresh name just before its statement, which
/// the wrap then includes. Unsafe: it changes control flow.
pub(crate) fn wrap_fix(s: &SessionSite, source: &SourceFile, on_owner: bool) -> Option<Fix> {
    let release = s.release.as_deref()?;
    let py = source.lang == Lang::Py;
    let text = source.text.as_ref();
    let stmt_span = s.anchors.statement?;
    let mut rest_span = s.anchors.rest_of_block?;
    let hoist = s.binding.is_none();
    if hoist && (!py || rest_span.start != stmt_span.start || !rest_span.contains(s.span)) {
        return None;
    }
    // A `with` that does not close (psycopg2) needs `contextlib.closing(…)` around the call, not
    // a `try` after the block: no automatic fix.
    let stmt = source.slice(stmt_span).trim_start();
    if !hoist && (stmt.starts_with("with ") || stmt.starts_with("async with ")) {
        return None;
    }
    let name = match s.binding.as_deref() {
        Some(b) => b.to_string(),
        None => fresh_name(text, s)?,
    };
    let ctor = source.slice(s.span);
    // `pool.putconn(conn)`: the owner is the receiver of the acquiring call.
    let owner = if on_owner {
        let call = ctor.rfind('(').map(|i| &ctor[..i]).unwrap_or(ctor);
        Some(
            call.rsplit_once('.')?
                .0
                .trim_start_matches("await ")
                .trim()
                .to_string(),
        )
    } else {
        None
    };
    // The block may start right after the acquiring statement, before a trailing comment on its
    // line: start at the next line then, where every line carries its own indentation.
    let raw = source.slice(rest_span);
    let mut line_start = false;
    if !hoist && let Some(nl) = raw.find('\n') {
        let head = raw[..nl].trim();
        if head.is_empty() || head.starts_with('#') || head.starts_with("//") {
            rest_span = Span::new(rest_span.start as usize + nl + 1, rest_span.end as usize);
            line_start = true;
        }
    }
    let mut rest = source.slice(rest_span).to_string();
    if hoist {
        // The construction becomes the fresh name.
        let at = (s.span.start - rest_span.start) as usize;
        if rest.get(at..at + ctor.len()) != Some(ctor) {
            return None;
        }
        rest.replace_range(at..at + ctor.len(), &name);
        // A bare `engine.connect()` statement: nothing uses what it opens, and a `try` around
        // the name alone would read as nonsense; the user should delete or close it.
        if rest.trim() == name || rest.trim() == format!("await {name}") {
            return None;
        }
    }
    if rest.trim().is_empty() {
        return None;
    }
    // Lines that start inside a multi-line string (a TS/JS template literal, a Python
    // triple-quoted string) keep their text: re-indenting them would change the string. Unsure →
    // no fix.
    let in_template = if py {
        triple_quoted_lines(&rest)?
    } else {
        template_lines(&rest)?
    };
    let indent = &s.anchors.indent;
    let unit = indent_unit(text, stmt_span.start as usize, indent, py);
    let newline = crate::fixgen::newline(text);
    let mut lines: Vec<&str> = rest.lines().collect();
    let mut verbatim: Vec<bool> = in_template;
    verbatim.resize(lines.len(), false);
    while lines.last().is_some_and(|l| l.trim().is_empty()) {
        lines.pop();
        verbatim.pop();
    }
    let statement = |l: &str| l.trim().trim_end_matches(';').trim_end().to_string();
    let is_release = |l: &str| {
        let t = statement(l);
        let t = t.strip_prefix("await ").unwrap_or(&t);
        t == format!("{name}.{release}()")
            || (on_owner && t.ends_with(&format!(".{release}({name})")))
    };
    // Async: an awaited acquisition or release, the async flavour of a client, or the name
    // used with `await` / `async with` / `async for`.
    let acquired_awaited = py
        && text
            .get(..s.span.start as usize)
            .unwrap_or("")
            .trim_end()
            .strip_suffix("await")
            .is_some_and(|b| !b.ends_with(|c: char| c.is_alphanumeric() || c == '_'));
    let awaited = acquired_awaited
        || lines
            .iter()
            .any(|l| is_release(l) && statement(l).starts_with("await "))
        || (py
            && (release == "aclose"
                || s.ctor.contains("Async")
                || rest.contains(&format!("await {name}."))
                || rest.contains(&format!("async with {name}"))
                || rest.contains(&format!("in {name}.")) && rest.contains("async for ")));
    // Move an existing release into the `finally`: drop it where it is written at the block's own
    // level; a release nested deeper (in an `if`) cannot move safely.
    let level = |l: &str| l.len() - l.trim_start().len();
    let comment = |l: &str| {
        let t = l.trim_start();
        t.is_empty() || t.starts_with('#') || t.starts_with("//")
    };
    let top = lines
        .iter()
        .zip(&verbatim)
        .skip(usize::from(!line_start))
        .filter(|(l, v)| !comment(l) && !**v)
        .map(|(l, _)| level(l))
        .min();
    let mut kept = Vec::new();
    let mut kept_verbatim = Vec::new();
    for (i, (l, v)) in lines.iter().zip(&verbatim).enumerate() {
        if !v && is_release(l) {
            let at_top = (i == 0 && !line_start) || Some(level(l)) == top;
            if !at_top {
                return None;
            }
            continue;
        }
        kept.push(*l);
        kept_verbatim.push(*v);
    }
    lines = kept;
    verbatim = kept_verbatim;
    if lines.iter().all(|l| l.trim().is_empty()) {
        return None;
    }
    let aw = if awaited { "await " } else { "" };
    let call = match &owner {
        Some(o) => format!("{aw}{o}.{release}({name})"),
        None => format!("{aw}{name}.{release}()"),
    };
    // `rest_of_block` starts at the first statement's text unless it starts a line: its first
    // line has no indentation in the slice.
    let body: Vec<String> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 && !line_start {
                format!("{indent}{unit}{}", l.trim_start())
            } else if verbatim.get(i).copied().unwrap_or(false) {
                l.to_string()
            } else if l.trim().is_empty() {
                String::new()
            } else {
                format!("{unit}{l}")
            }
        })
        .collect();
    let body = body.join(newline);
    let lead = if line_start { indent.as_str() } else { "" };
    let text = if py {
        let bind = if hoist {
            format!("{name} = {ctor}{newline}{indent}")
        } else {
            String::new()
        };
        format!(
            "{lead}{bind}try:{newline}{body}{newline}{indent}finally:{newline}{indent}{unit}{call}"
        )
    } else {
        format!(
            "{lead}try {{{newline}{body}{newline}{indent}}} finally {{{newline}{indent}{unit}{call};{newline}{indent}}}"
        )
    };
    // The edit starts at the acquiring statement (kept as it is), so that another rule's edit
    // of that statement (hoisting it) cannot be applied in the same pass.
    let keep = if hoist {
        ""
    } else {
        source
            .text
            .get(stmt_span.start as usize..rest_span.start as usize)?
    };
    let message = if hoist {
        format!("Bind it to `{name}` and release it in `finally` (`{call}`)")
    } else {
        format!("Release it in `finally` (`{call}`)")
    };
    Some(Fix {
        message,
        applicability: Applicability::Unsafe,
        edits: vec![Edit {
            span: Span::new(stmt_span.start as usize, rest_span.end as usize),
            content: format!("{keep}{text}"),
        }],
        related_edits: Vec::new(),
    })
}

/// A name for a construction that is not bound (`session` for `aiohttp.ClientSession()`),
/// one the file does not use anywhere as a word (comments included: the check is textual, so
/// it can only be too careful).
fn fresh_name(text: &str, s: &SessionSite) -> Option<String> {
    let names: &[&str] = match s.kind {
        ClientKind::Session => &["session", "db_session"],
        ClientKind::Checkout | ClientKind::Connection => &["conn", "connection", "db_conn"],
        _ if s.ctor.contains("Session") || s.ctor.contains("session") => {
            &["session", "http_session", "client_session"]
        }
        _ => &["client", "http_client"],
    };
    let numbered = (2..10).map(|i| format!("{}{i}", names[0]));
    names
        .iter()
        .map(|n| n.to_string())
        .chain(numbered)
        .find(|n| !has_word(text, n))
}

/// Does `word` occur in `text` as a whole identifier?
fn has_word(text: &str, word: &str) -> bool {
    let ident = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(ident) && !after.is_some_and(ident)
    })
}

/// The file's indentation step, seen from the statement at `at` (indented by `indent`): the
/// difference with the nearest line above that is indented less (its block's header).
/// Defaults to a tab for tab-indented code, else 4 spaces (Python) or 2 (TS/JS).
fn indent_unit(text: &str, at: usize, indent: &str, py: bool) -> String {
    let fallback = if indent.starts_with('\t') {
        "\t"
    } else if py {
        "    "
    } else {
        "  "
    };
    let above = text.get(..at).unwrap_or("");
    let above = above.rfind('\n').map_or("", |i| &above[..i]);
    for line in above.lines().rev() {
        let t = line.trim_start();
        if t.is_empty() || t.starts_with('#') || t.starts_with("//") || t.starts_with('*') {
            continue;
        }
        let own = &line[..line.len() - t.len()];
        if own.len() < indent.len() {
            return match indent.strip_prefix(own) {
                Some(step) if !step.is_empty() => step.to_string(),
                _ => fallback.to_string(),
            };
        }
    }
    fallback.to_string()
}

/// Python: for each line of `code`, whether it starts inside a triple-quoted string (then its
/// indentation is part of the string). Strings, comments and `\` escapes are followed; `None`
/// when something is left open or a one-line string runs past its line (unsure).
fn triple_quoted_lines(code: &str) -> Option<Vec<bool>> {
    let bytes = code.as_bytes();
    let mut starts = vec![false];
    // The open string's quote, and whether it is tripled.
    let mut open: Option<(u8, bool)> = None;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match open {
            None => match b {
                b'#' => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                    continue;
                }
                b'"' | b'\'' => {
                    let triple = bytes.get(i + 1) == Some(&b) && bytes.get(i + 2) == Some(&b);
                    open = Some((b, triple));
                    i += if triple { 3 } else { 1 };
                    continue;
                }
                _ => {}
            },
            Some((q, triple)) => {
                if b == b'\\' {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        starts.push(true);
                    }
                    i += 2;
                    continue;
                }
                if b == b'\n' && !triple {
                    return None;
                }
                let closes = b == q
                    && (!triple || (bytes.get(i + 1) == Some(&q) && bytes.get(i + 2) == Some(&q)));
                if closes {
                    open = None;
                    i += if triple { 3 } else { 1 };
                    continue;
                }
            }
        }
        if b == b'\n' {
            starts.push(open.is_some());
        }
        i += 1;
    }
    open.is_none().then_some(starts)
}

/// TS/JS: for each line of `code`, whether it starts inside a template literal's text (then
/// its indentation is part of the string). A small lexer (strings, comments, templates and
/// their `${…}` nesting); `None` when it loses track (a string running to the end of its line,
/// as a regular expression holding a quote would make it, or something left open), so the
/// caller refuses rather than guess.
fn template_lines(code: &str) -> Option<Vec<bool>> {
    #[derive(PartialEq, Clone, Copy)]
    enum St {
        Code,
        Single,
        Double,
        Template,
        LineComment,
        BlockComment,
    }
    let mut st = St::Code;
    // Brace depth inside each open `${`.
    let mut exprs: Vec<u32> = Vec::new();
    let mut starts = vec![false];
    let mut chars = code.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied();
        match st {
            St::Code => match c {
                '\'' => st = St::Single,
                '"' => st = St::Double,
                '`' => st = St::Template,
                '/' if next == Some('/') => st = St::LineComment,
                '/' if next == Some('*') => {
                    chars.next();
                    st = St::BlockComment;
                }
                '{' => {
                    if let Some(d) = exprs.last_mut() {
                        *d += 1;
                    }
                }
                '}' => match exprs.last_mut() {
                    Some(0) => {
                        exprs.pop();
                        st = St::Template;
                    }
                    Some(d) => *d -= 1,
                    None => {}
                },
                _ => {}
            },
            St::Single | St::Double => match c {
                '\\' => {
                    chars.next();
                }
                '\'' if st == St::Single => st = St::Code,
                '"' if st == St::Double => st = St::Code,
                '\n' => return None,
                _ => {}
            },
            St::Template => match c {
                // An escaped line break is still a line of the template's text.
                '\\' => starts.extend((chars.next() == Some('\n')).then_some(true)),
                '`' => st = St::Code,
                '$' if next == Some('{') => {
                    chars.next();
                    exprs.push(0);
                    st = St::Code;
                }
                _ => {}
            },
            St::LineComment => {
                if c == '\n' {
                    st = St::Code;
                }
            }
            St::BlockComment => {
                if c == '*' && next == Some('/') {
                    chars.next();
                    st = St::Code;
                }
            }
        }
        if c == '\n' {
            starts.push(st == St::Template);
        }
    }
    (matches!(st, St::Code | St::LineComment) && exprs.is_empty()).then_some(starts)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn indentation_step_from_the_enclosing_header() {
        let py = "def f():\n    x = 1\n";
        assert_eq!(
            indent_unit(py, py.find("x =").unwrap(), "    ", true),
            "    "
        );
        let two = "class A:\n  def f(self,\n          a):\n    # note\n\n    x = 1\n";
        assert_eq!(
            indent_unit(two, two.find("x =").unwrap(), "    ", true),
            "  "
        );
        let tabs = "def f():\n\tif a:\n\t\tx = 1\n";
        assert_eq!(
            indent_unit(tabs, tabs.find("x =").unwrap(), "\t\t", true),
            "\t"
        );
        let ts = "app.get('/', async () => {\n    const c = await pool.connect();\n";
        assert_eq!(
            indent_unit(ts, ts.find("const").unwrap(), "    ", false),
            "    "
        );
        assert_eq!(indent_unit("x = 1\n", 0, "", true), "    ");
    }

    #[test]
    fn fresh_names_avoid_every_word_of_the_file() {
        assert!(has_word("a = session.get()", "session"));
        assert!(!has_word("a = ClientSession() # sessions", "session"));
        assert!(has_word("session", "session"));
        assert!(!has_word("my_session2 = 1", "session"));
    }

    #[test]
    fn lines_inside_template_literals() {
        let code = "const q = `select *\n  from t\n  where a = ${x}`;\nrun(q);\n";
        assert_eq!(
            template_lines(code),
            Some(vec![false, true, true, false, false])
        );
        // `${…}` nesting with braces, and a backtick in a comment or a string.
        let code = "f(`a ${ {b: 1}.b } c\nd`); // don't `x\ng('`');\n";
        assert_eq!(template_lines(code), Some(vec![false, true, false, false]));
        // A quote in a regular expression: the lexer loses track and says so.
        assert_eq!(template_lines("s.replace(/'/g, \"''\");\nx();\n"), None);
    }

    #[test]
    fn lines_inside_triple_quoted_strings() {
        let code = "cur.execute(\n    \"\"\"select 1\n       from t\"\"\",\n)\nx = 'a#b'  # c \"\"\"\ny()\n";
        assert_eq!(
            triple_quoted_lines(code),
            Some(vec![false, false, true, false, false, false, false])
        );
        assert_eq!(triple_quoted_lines("s = 'open\nx = 1\n"), None);
        assert_eq!(triple_quoted_lines("s = '''never closed\n"), None);
    }

    #[test]
    fn multi_line_template_literals() {
        let inside = |c: &str| template_lines(c).map(|v| v.iter().any(|b| *b));
        assert_eq!(inside("q(`select\n  1`)"), Some(true));
        assert_eq!(inside("q(`select 1`);\nq(`x ${a}`)"), Some(false));
        assert_eq!(inside("q(`a\\`b`);\n"), Some(false));
        assert_eq!(inside("const a = 1;\n"), Some(false));
    }
}
