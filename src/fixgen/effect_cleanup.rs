//! Adding or extending an effect's cleanup (TS/JS, `effect-missing-cleanup`): the release call
//! for an acquisition, the `const` that binds an unbound result or an inline handler (its
//! parameter typed from the catalogue's `[[dom_event]]`), a new `return () => { … }` or a line in
//! the existing cleanup, and for acquisitions out of the cleanup's sight a `let release… = () =>
//! {}` the cleanup calls. The rule decides what is unreleased; this module writes the edits.

use crate::catalog::{LangCatalog, Matching, ResultIsRelease};
use crate::diagnostic::{Applicability, Edit, Fix};
use crate::facts::{Acquisition, EffectFact};
use crate::source::{SourceFile, Span};

/// What releases an acquisition, from the catalogue: a pair, or a client built in the effect.
pub(crate) struct Pair<'a> {
    pub what: String,
    pub release: Vec<&'a str>,
    pub release_all: &'a [String],
    pub matching: Matching,
    pub disposer: bool,
    pub signal: bool,
    /// Short-lived one-shots (timeouts, frames) leak less: warning.
    pub minor: bool,
    /// The name a fix gives the bound result (`intervalId`).
    pub fix_binding: &'a str,
    pub result_is_release: ResultIsRelease,
    pub release_on_receiver: bool,
    /// The release repeats the acquisition's first argument, its key.
    pub release_keyed: bool,
    /// The field of the result that is the release function (`leave`).
    pub disposer_field: Option<&'a str>,
    /// Releases of one watched target (`unobserve(el)`), see `Acquisition::targets`.
    pub release_target: &'a [String],
}

/// `window.clearInterval` names the release `clearInterval` too.
pub(crate) fn is_release(pair: &Pair<'_>, callee: &str, receiver: Option<&str>) -> bool {
    pair.release.iter().any(|r| {
        *r == callee
            || r.rsplit_once('.')
                .is_some_and(|(obj, m)| m == callee && receiver == Some(obj))
    })
}

pub(crate) fn canon(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('\'', "\"")
        .replace("?.", ".")
}

pub(crate) fn same(a: Option<&String>, b: Option<&String>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => canon(a) == canon(b),
        _ => false,
    }
}

/// The name a fix gives to an unbound acquisition.
/// What the acquisition's result is bound to; for a disposer API called on a module object
/// (`NetInfo.addEventListener(…)`, whose result is the unsubscribe function), the receiver is
/// not a binding of the result (an instance's, like a Supabase channel's, is: it releases
/// itself).
pub(crate) fn own_binding(a: &Acquisition, pair: &Pair<'_>) -> Option<String> {
    a.binding.clone().filter(|b| {
        !(pair.disposer
            && a.receiver.as_deref() == Some(b.as_str())
            && b.chars().next().is_some_and(char::is_uppercase))
    })
}

/// The release method that undoes this acquisition: the catalogue's first, except for
/// listeners, where it follows the acquiring method (`addListener` → `removeListener`,
/// `onAny` → `offAny`) and a kept handle (`const sub = channel.on(…)`) is `unsubscribe`d.
pub(crate) fn release_name<'p>(a: &Acquisition, pair: &Pair<'p>) -> Option<&'p str> {
    let first = pair.release.first().copied();
    if pair.matching != Matching::Listener {
        return first;
    }
    let has = |r: &str| pair.release.iter().copied().find(|x| *x == r);
    if a.binding.is_some() && pair.disposer {
        return has("unsubscribe").or(first);
    }
    let callee = a.call.split('(').next().unwrap_or("");
    let method = callee.rsplit('.').next().unwrap_or(callee).trim();
    let matching = match method {
        "addListener" | "prependListener" => has("removeListener"),
        "onAny" => has("offAny"),
        _ => None,
    };
    matching.or(first)
}

/// The release statement for an acquisition, with `binding` (its own or the one a fix adds).
fn release_call(
    a: &Acquisition,
    pair: &Pair<'_>,
    binding: Option<&str>,
    handler: Option<&InlineHandler>,
) -> Option<String> {
    let release = release_name(a, pair)?;
    let looks_like_fn = |b: &str| {
        ["unsub", "off", "dispose", "cleanup", "stop", "remove"]
            .iter()
            .any(|w| b.to_lowercase().contains(w))
    };
    match (pair.matching, binding, a.receiver.as_deref()) {
        (_, Some(b), _)
            if pair.disposer
                && (looks_like_fn(b)
                    || match pair.result_is_release {
                        ResultIsRelease::Always => true,
                        ResultIsRelease::WhenFixBinding => b == pair.fix_binding,
                        ResultIsRelease::ByName => false,
                    }) =>
        {
            Some(format!("{b}()"))
        }
        (Matching::Binding, Some(b), recv)
            if release.starts_with("clear") || release.starts_with("cancel") =>
        {
            let f = release.rsplit('.').next().unwrap_or(release);
            Some(match recv {
                Some(r) if pair.release_on_receiver => format!("{r}.{f}({b})"),
                _ => format!("{f}({b})"),
            })
        }
        (_, Some(b), _) => Some(format!("{b}.{release}()")),
        (Matching::Listener, None, Some(r)) => {
            let inline =
                |x: &str| x.contains("=>") || x.starts_with("function") || x.starts_with('<');
            let event = a.args.first()?;
            // A listener of every event given only its handler, inline (`emitter.onAny((e) =>
            // …)`): nothing names it for the release.
            if inline(event) {
                return None;
            }
            let mut args = vec![event.clone()];
            if let Some(h) = a.args.get(1) {
                match handler {
                    Some(named) => args.push(named.name.clone()),
                    None if inline(h) => return None,
                    None => args.push(h.clone()),
                }
            }
            if capture_flag(a.args.get(2).map(String::as_str)) == Some(true) {
                args.push("true".to_string());
            }
            Some(format!("{r}.{release}({})", args.join(", ")))
        }
        (Matching::Receiver, None, Some(r)) if pair.release_keyed => {
            // The key, written so that the cleanup can name it again (not a literal function).
            let key = a
                .args
                .first()
                .filter(|k| !k.starts_with('<') && !k.contains("=>"))?;
            Some(format!("{r}.{release}({key})"))
        }
        (Matching::Receiver, None, Some(r)) => Some(format!("{r}.{release}()")),
        _ => None,
    }
}

/// An inline function given as a listener's handler (`addEventListener("message", (e) => …)`):
/// it cannot be removed, because no other expression names it. A fix binds it to `name`.
pub(crate) struct InlineHandler {
    pub span: Span,
    pub name: String,
    /// TypeScript parameters without annotations (`(event) => …`): in a `const` of its own the
    /// handler would lose the types the call gives them (an implicit `any`, an error under
    /// `strict`), so no edit binds it, unless its event's type is certain:
    pub typed_by_call: bool,
    /// The DOM type of its event (`MessageEvent` for `"message"` on `window`), from the catalogue.
    pub event_type: Option<String>,
}

/// The inline handler of a listener acquisition, with a name for it that the file does not use
/// yet: `onMessage` for the event `"message"`.
pub(crate) fn inline_handler(
    catalog: &LangCatalog,
    text: &str,
    a: &Acquisition,
    pair: &Pair<'_>,
    taken: &mut Vec<String>,
) -> Option<InlineHandler> {
    if pair.matching != Matching::Listener || a.binding.is_some() {
        return None;
    }
    let (span, typed_by_call) = function_literal(a.args.get(1)?)?;
    text.get(span.range())?;
    let name = fresh_name(
        text,
        &handler_base(a.args.first().map(String::as_str)),
        taken,
    );
    taken.push(name.clone());
    let event_type = a
        .args
        .first()
        .filter(|_| typed_by_call)
        .and_then(|ev| catalog.dom_event_type(a.receiver.as_deref(), ev))
        .map(str::to_string);
    Some(InlineHandler {
        span,
        name,
        typed_by_call,
        event_type,
    })
}

/// What the front-end records for a function written inline as an argument:
/// `<function literal at S..E>` (its byte span), with `, typed by its call` when its parameters
/// take their types from the call (TypeScript parameters without annotations).
pub(crate) fn function_literal(arg: &str) -> Option<(Span, bool)> {
    let r = arg
        .strip_prefix("<function literal at ")?
        .strip_suffix('>')?;
    let (r, typed_by_call) = match r.strip_suffix(", typed by its call") {
        Some(r) => (r, true),
        None => (r, false),
    };
    let (start, end) = r.split_once("..")?;
    let (start, end): (usize, usize) = (start.parse().ok()?, end.parse().ok()?);
    (start < end).then(|| (Span::new(start, end), typed_by_call))
}

/// `(event) => …` / `event => …` / `async (e) => …` / `function (e) {…}` with its one parameter
/// annotated: `(event: MessageEvent) => …`. `None` for other shapes (several parameters, a
/// destructured one, a default value).
fn annotate_param(handler: &str, ty: &str) -> Option<String> {
    let h = handler.trim_start();
    let (prefix, rest) = match h.strip_prefix("async ") {
        Some(r) => ("async ", r.trim_start()),
        None => ("", h),
    };
    let ident = |t: &str| {
        !t.is_empty()
            && t.chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
            && !t.starts_with(|c: char| c.is_ascii_digit())
    };
    if let Some(r) = rest.strip_prefix("function") {
        let r = r.trim_start();
        let open = r.find('(')?;
        let name = &r[..open].trim();
        if !(name.is_empty() || ident(name)) {
            return None;
        }
        let close = open + r[open..].find(')')?;
        let param = r[open + 1..close].trim();
        if !ident(param) {
            return None;
        }
        let name = if name.is_empty() {
            " ".to_string()
        } else {
            format!(" {name}")
        };
        return Some(format!(
            "{prefix}function{name}({param}: {ty}){}",
            &r[close + 1..]
        ));
    }
    let arrow = rest.find("=>")?;
    let params = rest[..arrow].trim();
    let param = params
        .strip_prefix('(')
        .and_then(|p| p.strip_suffix(')'))
        .unwrap_or(params)
        .trim();
    if !ident(param) {
        return None;
    }
    Some(format!("{prefix}({param}: {ty}) {}", &rest[arrow..]))
}

/// `onMessage` for `"message"`, `onChatMessage` for `"chat:message"` or `"chat-message"`;
/// `handler` when the event is not a string.
fn handler_base(event: Option<&str>) -> String {
    let Some(ev) = event
        .and_then(|e| e.strip_prefix('"'))
        .and_then(|e| e.strip_suffix('"'))
    else {
        return "handler".to_string();
    };
    let mut name = String::from("on");
    for word in ev.split(|c: char| !c.is_ascii_alphanumeric()) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            name.push(first.to_ascii_uppercase());
            name.extend(chars);
        }
    }
    if name.len() == 2 || name.chars().nth(2).is_some_and(|c| c.is_ascii_digit()) {
        return "handler".to_string();
    }
    name
}

/// `base`, or `base2`, `base3`, …: the first that `text` does not contain as a word and that is
/// not `taken` by another fix.
pub(crate) fn fresh_name(text: &str, base: &str, taken: &[String]) -> String {
    let used = |name: &str| {
        let word = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
        taken.iter().any(|t| t == name)
            || text.match_indices(name).any(|(i, _)| {
                !text[..i].chars().next_back().is_some_and(word)
                    && !text[i + name.len()..].chars().next().is_some_and(word)
            })
    };
    if !used(base) {
        return base.to_string();
    }
    (2..)
        .map(|n| format!("{base}{n}"))
        .find(|n| !used(n))
        .unwrap_or_else(|| base.to_string())
}

/// The text at `span`, its continuation lines moved from the indentation of the line it starts
/// on to `indent`. `None` when that would change a multi-line template literal.
fn reindent(text: &str, span: Span, indent: &str) -> Option<String> {
    let body = text.get(span.range())?;
    let start = span.start as usize;
    let line_start = text[..start].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let from: String = text[line_start..start]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    if from == indent || !body.contains('\n') {
        return Some(body.to_string());
    }
    if body.contains('`') {
        return None;
    }
    let mut out = String::with_capacity(body.len());
    for (i, line) in body.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            match line.strip_prefix(from.as_str()) {
                Some(rest) => {
                    out.push_str(indent);
                    out.push_str(rest);
                }
                None => out.push_str(line),
            }
        } else {
            out.push_str(line);
        }
    }
    Some(out)
}

/// The release call with the event written in the acquisition's quotes (`'message'`): the
/// facts hold canonical texts, with `"`.
pub(crate) fn same_quotes(acquiring: &str, a: &Acquisition, call: String) -> String {
    let event = a
        .args
        .first()
        .and_then(|e| e.strip_prefix('"'))
        .and_then(|e| e.strip_suffix('"'))
        .filter(|e| !e.contains(['"', '\'', '\\']));
    match event {
        Some(ev) if acquiring.contains(&format!("'{ev}'")) => {
            call.replacen(&format!("\"{ev}\""), &format!("'{ev}'"), 1)
        }
        _ => call,
    }
}

/// Whitespace between the start of `pos`'s line and `pos`, if that is all there is.
fn line_prefix(text: &str, pos: usize) -> Option<&str> {
    let start = text[..pos].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let w = &text[start..pos];
    w.chars().all(|c| c == ' ' || c == '\t').then_some(w)
}

/// Add the release to the cleanup (extending it, or returning a new one), binding the
/// acquisition first when it is unbound. Unsafe: it changes when resources are released.
pub(crate) fn cleanup_fix(
    source: &SourceFile,
    effect: &EffectFact,
    a: &Acquisition,
    pair: &Pair<'_>,
    handler: Option<&InlineHandler>,
    taken: &mut Vec<String>,
) -> Option<Fix> {
    if !matches!(
        effect.hook.as_str(),
        "useEffect" | "useLayoutEffect" | "useInsertionEffect"
    ) {
        return None;
    }
    // A release that is a field of the result (`leave`), not destructured: no edit says it.
    if pair
        .disposer_field
        .is_some_and(|f| own_binding(a, pair).as_deref() != Some(f))
    {
        return None;
    }
    // The front-end gives the statement (of the effect body, holding the acquisition) only
    // when the names a release would use are in scope in the cleanup: not for
    // `const place = …; window.addEventListener("resize", place)` inside an async IIFE.
    // The acquisition is that statement itself (`setInterval(poll, 1000);`), not something
    // inside an `if`, a loop or a callback: a `const` inserted before it is in scope in the
    // cleanup, and so are the names an inline handler uses.
    let own_statement = a.statement.is_some_and(|stmt| {
        stmt.start == a.span.start && {
            // What follows the call in its statement: `;`, a trailing comment (part of the
            // statement when it has no `;`), nothing.
            let rest = source.slice(Span::new(a.span.end as usize, stmt.end as usize));
            let rest = rest.trim_start();
            let rest = rest.strip_prefix(';').unwrap_or(rest).trim_start();
            rest.is_empty() || rest.starts_with("//") || rest.starts_with("/*")
        }
    });
    // A cleanup written before the acquisition may be returned before it runs (an early
    // `return () => …`): a name declared by the acquiring statement would not exist yet.
    if effect
        .cleanup
        .as_ref()
        .is_some_and(|c| c.span.start < a.span.end)
    {
        return None;
    }
    // Out of the cleanup's sight (`const client = …` in an async init function), or to be bound
    // where a `const` would not reach the cleanup (`setTimeout(…)` or an inline handler inside
    // an `if` or a `.then` callback): released through a `let` the cleanup calls.
    if a.statement.is_none()
        || (!own_statement
            && (handler.is_some()
                || (pair.matching == Matching::Binding && own_binding(a, pair).is_none())))
    {
        return nested_fix(source, effect, a, pair, handler, taken);
    }
    let stmt = a.statement?;
    // A handler whose parameter takes its type from the call keeps it when it moves: annotated
    // with the DOM event type (`(event: MessageEvent) => …`) where that type is certain.
    let event_type = match handler {
        Some(h) if h.typed_by_call => {
            let ty = h.event_type.as_deref()?;
            annotate_param(source.slice(h.span), ty)?;
            Some(ty)
        }
        _ => None,
    };
    let text = source.text.as_ref();
    let nl = crate::fixgen::newline(text);
    // The file's style: statements end with `;`, or not at all.
    let semi = if source
        .slice(Span::new(a.span.end as usize, stmt.end as usize))
        .contains(';')
    {
        ";"
    } else {
        ""
    };
    let mut edits = Vec::new();
    let mut binding = own_binding(a, pair);
    if binding.is_none() && pair.matching == Matching::Binding {
        // `setInterval(poll, 1000);` → `const intervalId = setInterval(poll, 1000);`
        if !own_statement {
            return None;
        }
        binding = Some(bind_result(
            text,
            pair.fix_binding,
            stmt.start,
            taken,
            &mut edits,
        ));
    }
    if let Some(h) = handler {
        if !own_statement {
            return None;
        }
        // `window.addEventListener("message", (event) => …);` →
        // `const onMessage = (event) => …;` + `window.addEventListener("message", onMessage);`
        let w = line_prefix(text, stmt.start as usize)?;
        let moved = reindent(text, h.span, w)?;
        let moved = match event_type {
            Some(ty) => annotate_param(&moved, ty)?,
            None => moved,
        };
        edits.push(Edit {
            span: Span::new(stmt.start as usize, stmt.start as usize),
            content: format!("const {} = {moved}{semi}{nl}{w}", h.name),
        });
        edits.push(Edit {
            span: h.span,
            content: h.name.clone(),
        });
    }
    // The cleanup already removes a copy of the inline handler (a new function, so it removes
    // nothing): that copy becomes the name.
    if let (Some(h), Some(cleanup)) = (handler, &effect.cleanup) {
        let norm = |t: &str| t.split_whitespace().collect::<String>();
        let copy = cleanup.calls.iter().find_map(|c| {
            let same_call = is_release(pair, &c.callee, c.receiver.as_deref())
                && same(c.receiver.as_ref(), a.receiver.as_ref())
                && c.args.first().map(|e| canon(e)) == a.args.first().map(|e| canon(e));
            let (span, _) = function_literal(c.args.get(1)?)?;
            (same_call && norm(source.slice(span)) == norm(source.slice(h.span))).then_some(span)
        });
        if let Some(span) = copy {
            edits.push(Edit {
                span,
                content: h.name.clone(),
            });
            return Some(Fix::unsafe_edits(
                format!(
                    "Bind the handler to `{}` and remove it by that name in the cleanup",
                    h.name
                ),
                edits,
            ));
        }
    }
    let call = release_call(a, pair, binding.as_deref(), handler)?;
    let call = same_quotes(source.slice(a.span), a, call);
    edits.push(cleanup_edit(source, effect, &call, semi)?);
    let message = match handler {
        Some(h) => format!(
            "Bind the handler to `{}` and release it in the cleanup: `{call}`",
            h.name
        ),
        None => format!("Release it in the cleanup: `{call}`"),
    };
    Some(Fix {
        message,
        applicability: Applicability::Unsafe,
        edits,
        related_edits: Vec::new(),
    })
}

/// `const intervalId = ` inserted at `at` (the start of the acquiring call's own statement),
/// with a name the file does not use yet; returns the name.
fn bind_result(
    text: &str,
    base: &str,
    at: u32,
    taken: &mut Vec<String>,
    edits: &mut Vec<Edit>,
) -> String {
    let name = fresh_name(text, base, taken);
    taken.push(name.clone());
    edits.push(Edit {
        span: Span::new(at as usize, at as usize),
        content: format!("const {name} = "),
    });
    name
}

/// The edit that makes the effect's cleanup call `call`: appended to the cleanup's block or
/// expression body, or a new `return () => { … }` at the end of the effect body.
fn cleanup_edit(source: &SourceFile, effect: &EffectFact, call: &str, semi: &str) -> Option<Edit> {
    let text = source.text.as_ref();
    let nl = crate::fixgen::newline(text);
    let anchors = &effect.anchors;
    let indent = anchors.indent.as_str();
    // One level of indentation in this file.
    let unit = if indent.contains('\t') { "\t" } else { "  " };
    let edit = if let Some(end) = anchors.cleanup_end.filter(|_| effect.cleanup.is_some()) {
        let end = end as usize;
        match line_prefix(text, end) {
            Some(w) => Edit {
                span: Span::new(end, end),
                content: format!("{unit}{call}{semi}{nl}{w}"),
            },
            // `return () => { a(); }` on one line: `{ a(); release(); }`.
            None => {
                let before = text.get(..end)?.trim_end();
                let sep = if before.ends_with(';') || before.ends_with('{') {
                    ""
                } else {
                    ";"
                };
                Edit {
                    span: Span::new(before.len(), before.len()),
                    content: format!("{sep} {call};"),
                }
            }
        }
    } else if let Some(expr) = anchors.cleanup_expr.filter(|_| effect.cleanup.is_some()) {
        let body = source.slice(expr).trim();
        Edit {
            span: expr,
            content: format!("{{ {body}; {call}; }}"),
        }
    } else if effect.cleanup.is_none() {
        let end = anchors.body_end? as usize;
        let w = line_prefix(text, end)?;
        let extra = indent.strip_prefix(w).unwrap_or(unit);
        Edit {
            span: Span::new(end, end),
            content: format!(
                "{extra}return () => {{{nl}{indent}{unit}{call}{semi}{nl}{indent}}}{semi}{nl}{w}"
            ),
        }
    } else {
        return None;
    };
    Some(edit)
}

/// See [`crate::facts::NestedAnchors`]: `let releaseClient = () => {};` at the top of the
/// effect body, `releaseClient = () => client.disconnectUser();` next to the acquisition
/// (after the statement that declares its binding, otherwise before it), and
/// `releaseClient()` in the cleanup.
fn nested_fix(
    source: &SourceFile,
    effect: &EffectFact,
    a: &Acquisition,
    pair: &Pair<'_>,
    handler: Option<&InlineHandler>,
    taken: &mut Vec<String>,
) -> Option<Fix> {
    let n = a.nested.as_ref()?;
    // An inline handler moves to a `const` of its own just before the statement: only its own
    // statement, and only without parameter types that the call gives it.
    if handler.is_some_and(|h| h.typed_by_call || n.own.start != a.span.start) {
        return None;
    }
    // Acquired in a callback other code runs later.
    if a.in_callback {
        return None;
    }
    let text = source.text.as_ref();
    let nl = crate::fixgen::newline(text);
    let semi = if source.slice(n.own).trim_end().ends_with(';') {
        ";"
    } else {
        ""
    };
    let mut edits = Vec::new();
    let mut binding = own_binding(a, pair);
    if binding.is_none() && pair.matching == Matching::Binding {
        // `setTimeout(…);` → `const timeoutId = setTimeout(…);` (only the call itself).
        if n.declares || n.own.start != a.span.start {
            return None;
        }
        binding = Some(bind_result(
            text,
            pair.fix_binding,
            n.own.start,
            taken,
            &mut edits,
        ));
    }
    let call = release_call(a, pair, binding.as_deref(), handler)?;
    let call = same_quotes(source.slice(a.span), a, call);
    let root = binding
        .as_deref()
        .or(a.receiver.as_deref())
        .and_then(|r| r.split(['.', '[', '(']).next())
        .filter(|r| {
            !r.is_empty()
                && r.chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
        })?;
    let mut chars = root.trim_start_matches(['_', '$']).chars();
    let base = match chars.next() {
        Some(c) => format!("release{}{}", c.to_uppercase(), chars.as_str()),
        None => "release".to_string(),
    };
    let stop = fresh_name(text, &base, taken);
    taken.push(stop.clone());
    let indent = effect.anchors.indent.as_str();
    let body_start = n.body_start as usize;
    edits.push(Edit {
        span: Span::new(body_start, body_start),
        content: format!("let {stop} = () => {{}}{semi}{nl}{indent}"),
    });
    let w = line_prefix(text, n.own.start as usize)?;
    let assign = format!("{stop} = () => {call}{semi}");
    // `const onVisitors = (visitors) => …;` before the statement, and its name in the call.
    let bound_handler = match handler {
        Some(h) => {
            let moved = reindent(text, h.span, w)?;
            edits.push(Edit {
                span: h.span,
                content: h.name.clone(),
            });
            format!("const {} = {moved}{semi}{nl}{w}", h.name)
        }
        None => String::new(),
    };
    if binding.is_some() {
        // Without semicolons, a next line starting with `(`, `[` or a template would continue
        // the inserted statement.
        let next = text.get(n.own.end as usize..)?.trim_start();
        if semi.is_empty() && next.starts_with(['(', '[', '`']) {
            return None;
        }
        // After a trailing `// comment` of the statement's line, which stays where it was.
        let line_end = text
            .get(n.own.end as usize..)?
            .find('\n')
            .map_or(text.len(), |i| n.own.end as usize + i);
        let rest = text.get(n.own.end as usize..line_end)?.trim();
        let at = if rest.starts_with("//") {
            line_end - usize::from(text.get(..line_end)?.ends_with('\r'))
        } else {
            n.own.end as usize
        };
        edits.push(Edit {
            span: Span::new(at, at),
            content: format!("{nl}{w}{assign}"),
        });
        if !bound_handler.is_empty() {
            edits.push(Edit {
                span: Span::new(n.own.start as usize, n.own.start as usize),
                content: bound_handler,
            });
        }
    } else {
        edits.push(Edit {
            span: Span::new(n.own.start as usize, n.own.start as usize),
            content: format!("{bound_handler}{assign}{nl}{w}"),
        });
    }
    edits.push(cleanup_edit(source, effect, &format!("{stop}()"), semi)?);
    Some(Fix::unsafe_edits(
        format!(
            "Keep its release in `{stop}` (`{stop} = () => {call}`) and call it in the cleanup"
        ),
        edits,
    ))
}

/// A listener's capture flag as written in its third argument: `None` when it cannot be told
/// (a variable, a spread, a computed value), so that only a certain mismatch counts.
pub(crate) fn capture_flag(arg: Option<&str>) -> Option<bool> {
    let Some(arg) = arg else {
        return Some(false);
    };
    let t: String = arg.chars().filter(|c| !c.is_whitespace()).collect();
    match t.as_str() {
        "true" => return Some(true),
        "false" | "undefined" | "{}" => return Some(false),
        _ => {}
    }
    let body = t.strip_prefix('{')?.strip_suffix('}')?;
    let mut capture = Some(false);
    for entry in body.split(',').filter(|e| !e.is_empty()) {
        match entry.split_once(':') {
            Some(("capture", "true")) => capture = Some(true),
            Some(("capture", "false")) => capture = Some(false),
            Some(("capture", _)) => return None,
            Some(_) => {}
            // `{ capture }` shorthand, or a spread: not known.
            None => return None,
        }
    }
    capture
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn one_parameter_annotated() {
        let t = "MessageEvent";
        assert_eq!(
            annotate_param("(event) => handle(event.data)", t).as_deref(),
            Some("(event: MessageEvent) => handle(event.data)")
        );
        assert_eq!(
            annotate_param("e => {\n  go(e);\n}", t).as_deref(),
            Some("(e: MessageEvent) => {\n  go(e);\n}")
        );
        assert_eq!(
            annotate_param("async (e) => go(e)", t).as_deref(),
            Some("async (e: MessageEvent) => go(e)")
        );
        assert_eq!(
            annotate_param("function onMsg(e) { go(e); }", t).as_deref(),
            Some("function onMsg(e: MessageEvent) { go(e); }")
        );
        assert_eq!(annotate_param("(a, b) => go(a, b)", t), None);
        assert_eq!(annotate_param("({ data }) => go(data)", t), None);
        assert_eq!(annotate_param("(e = x) => go(e)", t), None);
    }
}
