//! `effect-missing-cleanup` (CL201): an effect acquires something (a listener, an interval, a
//! socket, a subscription, a user connection) and its cleanup does not release it.
//! Docs: rules/effect-missing-cleanup.md

use crate::catalog::{EffectPairDef, Matching};
use crate::diagnostic::{Applicability, Edit, Finding, Fix, Severity};
use crate::facts::{Acquisition, Cleanup, EffectFact};
use crate::rules::{FixAvailability, ProjectCx, Rule, RuleMeta, with_article};
use crate::source::{Lang, SourceFile, Span};

pub static META: RuleMeta = RuleMeta {
    id: "effect-missing-cleanup",
    code: "CL201",
    summary: "an effect acquires a listener, timer, socket, subscription or connection and its cleanup does not release it",
    langs: &[Lang::Ts, Lang::Tsx, Lang::Js],
    default_severity: Severity::Error,
    fix: FixAvailability::Sometimes,
    doc: include_str!("../../rules/effect-missing-cleanup.md"),
};

pub struct EffectMissingCleanup;

/// What releases an acquisition, from the catalogue: a pair, or a client built in the effect.
struct Pair<'a> {
    what: String,
    release: Vec<&'a str>,
    release_all: &'a [String],
    matching: Matching,
    disposer: bool,
    signal: bool,
    /// Short-lived one-shots (timeouts, frames) leak less: warning.
    minor: bool,
}

impl Rule for EffectMissingCleanup {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &ProjectCx<'_>, out: &mut Vec<Finding>) {
        for (fi, file) in cx.files.iter().enumerate() {
            for effect in &file.facts.effects {
                for a in &effect.acquisitions {
                    let Some(pair) = pair_of(cx, a) else { continue };
                    if is_released(a, &pair, effect.cleanup.as_ref()) {
                        continue;
                    }
                    let mut f = finding(fi, effect, a, &pair);
                    f.fix = cleanup_fix(&file.source, effect, a, &pair);
                    out.push(f);
                }
            }
        }
    }
}

fn pair_of<'a>(cx: &ProjectCx<'a>, a: &Acquisition) -> Option<Pair<'a>> {
    if let Some(id) = a.pair.strip_prefix("client:") {
        let def = cx.catalog.js.by_id(id)?;
        return Some(Pair {
            what: format!("{} client", def.library),
            release: def.release.iter().map(String::as_str).collect(),
            release_all: &[],
            matching: Matching::Binding,
            disposer: false,
            signal: false,
            minor: false,
        });
    }
    let def: &EffectPairDef = cx.catalog.js.effect(&a.pair)?;
    Some(Pair {
        what: def.what.clone(),
        release: def.release.iter().map(String::as_str).collect(),
        release_all: &def.release_all,
        matching: def.matching,
        disposer: def.disposer,
        signal: def.signal,
        minor: matches!(
            def.id.as_str(),
            "timeout" | "animation-frame" | "idle-callback"
        ),
    })
}

/// `window.clearInterval` names the release `clearInterval` too.
fn is_release(pair: &Pair<'_>, callee: &str, receiver: Option<&str>) -> bool {
    pair.release.iter().any(|r| {
        *r == callee
            || r.rsplit_once('.')
                .is_some_and(|(obj, m)| m == callee && receiver == Some(obj))
    })
}

fn canon(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('\'', "\"")
        .replace("?.", ".")
}

fn same(a: Option<&String>, b: Option<&String>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => canon(a) == canon(b),
        _ => false,
    }
}

fn is_released(a: &Acquisition, pair: &Pair<'_>, cleanup: Option<&Cleanup>) -> bool {
    if a.returned {
        return true;
    }
    let Some(cleanup) = cleanup else { return false };
    for c in &cleanup.calls {
        let receiver = c.receiver.as_ref();
        // (b) through the binding
        if let Some(b) = &a.binding {
            let b = canon(b);
            if pair.disposer && c.receiver.is_none() && canon(&c.callee) == b {
                return true;
            }
            if is_release(pair, &c.callee, c.receiver.as_deref())
                && (receiver.is_some_and(|r| canon(r) == b)
                    || c.args.first().is_some_and(|x| canon(x) == b))
            {
                return true;
            }
        }
        // (c) through the receiver
        match pair.matching {
            Matching::Listener => {
                if same(receiver, a.receiver.as_ref()) {
                    if pair.release_all.contains(&c.callee) {
                        return true;
                    }
                    let first_same = same(c.args.first(), a.args.first());
                    let second_ok = match (c.args.get(1), a.args.get(1)) {
                        (Some(x), Some(y)) => canon(x) == canon(y),
                        _ => true,
                    };
                    if is_release(pair, &c.callee, c.receiver.as_deref()) && first_same && second_ok
                    {
                        return true;
                    }
                }
            }
            Matching::Receiver => {
                if same(receiver, a.receiver.as_ref())
                    && (is_release(pair, &c.callee, c.receiver.as_deref())
                        || pair.release_all.contains(&c.callee))
                {
                    return true;
                }
            }
            Matching::Binding => {
                // (e) release-all anywhere in the cleanup
                if pair.release_all.contains(&c.callee) {
                    return true;
                }
            }
        }
        // (d) an abort signal
        if pair.signal
            && c.callee == "abort"
            && let (Some(sig), Some(ctrl)) = (&a.signal, receiver)
        {
            let sig = canon(sig);
            let ctrl = canon(ctrl);
            if sig == format!("{ctrl}.signal") || sig == "signal" {
                return true;
            }
        }
    }
    false
}

fn finding(file: usize, effect: &EffectFact, a: &Acquisition, pair: &Pair<'_>) -> Finding {
    let release = pair.release.first().copied().unwrap_or("the release");
    let how = match (pair.matching, &a.binding, &a.receiver) {
        (_, Some(b), _) if pair.disposer => format!("call `{b}()` (or `{b}.{release}()`)"),
        (_, None, _) if pair.disposer => {
            "keep the function (or subscription) it returns and call it".to_string()
        }
        (Matching::Binding, Some(b), _)
            if release.starts_with("clear")
                || release.starts_with("cancel")
                || release.starts_with("remove") =>
        {
            format!("call `{release}({b})`")
        }
        (Matching::Binding, Some(b), _) => format!("call `{b}.{release}()`"),
        (Matching::Binding, None, _) => {
            format!(
                "keep the result in a variable (`const x = {}…`) and release it with `{release}`",
                short(&a.call)
            )
        }
        (Matching::Listener, _, Some(r)) => {
            let args: Vec<&str> = a.args.iter().take(2).map(String::as_str).collect();
            format!(
                "call `{r}.{release}({})` with the same event and handler",
                args.join(", ")
            )
        }
        (_, _, Some(r)) => format!("call `{r}.{release}()`"),
        _ => format!("call `{release}`"),
    };
    let in_cleanup = if effect.cleanup.is_some() {
        "in the cleanup the effect returns"
    } else {
        cleanup_place(&effect.hook)
    };
    let component = effect
        .component
        .as_deref()
        .map(|c| format!(" in `{c}`"))
        .unwrap_or_default();
    let message = if effect.cleanup.is_some() {
        format!(
            "`{}` acquires {} in `{}`{component} that its cleanup never releases",
            short(&a.call),
            with_article(&pair.what),
            effect.hook
        )
    } else {
        format!(
            "`{}` acquires {} in `{}`{component}, which returns no cleanup",
            short(&a.call),
            with_article(&pair.what),
            effect.hook
        )
    };
    Finding {
        rule: META.id,
        file,
        span: a.span,
        severity: if pair.minor {
            Severity::Warning
        } else {
            Severity::Error
        },
        message,
        help: format!(
            "{how} {in_cleanup}; otherwise every mount (and React StrictMode's double mount in development) leaks one more"
        ),
        label: Some((
            effect.span,
            format!(
                "`{}` runs on every mount and dependency change",
                effect.hook
            ),
        )),
        related: Vec::new(),
        fix: None,
    }
}

/// Where the release goes when there is no cleanup yet.
fn cleanup_place(hook: &str) -> &'static str {
    match hook {
        "componentDidMount" => "in `componentWillUnmount`",
        "onMounted" => "in `onUnmounted`",
        "useLayoutEffect" => {
            "in a cleanup returned from the `useLayoutEffect` callback (`return () => { … }`)"
        }
        "useInsertionEffect" => {
            "in a cleanup returned from the `useInsertionEffect` callback (`return () => { … }`)"
        }
        _ => "in a cleanup returned from the `useEffect` callback (`return () => { … }`)",
    }
}

/// The call as a short text: up to its first line, at most 60 characters.
fn short(call: &str) -> String {
    let line = call.lines().next().unwrap_or(call).trim();
    if line.chars().count() > 60 {
        let cut: String = line.chars().take(57).collect();
        format!("{cut}…")
    } else {
        line.to_string()
    }
}

/// The name a fix gives to an unbound acquisition.
fn binding_name(pair_id: &str) -> &'static str {
    match pair_id {
        "interval" => "intervalId",
        "timeout" => "timeoutId",
        "animation-frame" => "frameId",
        "idle-callback" => "idleId",
        "geolocation-watch" => "watchId",
        "observer" => "observer",
        "websocket" => "socket",
        "auth-listener" | "firebase-listener" => "unsubscribe",
        "subscription" => "subscription",
        _ => "resource",
    }
}

/// The release statement for an acquisition, with `binding` (its own or the one a fix adds).
fn release_call(a: &Acquisition, pair: &Pair<'_>, binding: Option<&str>) -> Option<String> {
    let release = pair.release.first().copied()?;
    let looks_like_fn = |b: &str| {
        ["unsub", "off", "dispose", "cleanup", "stop", "remove"]
            .iter()
            .any(|w| b.to_lowercase().contains(w))
    };
    match (pair.matching, binding, a.receiver.as_deref()) {
        (_, Some(b), _)
            if pair.disposer
                && (looks_like_fn(b)
                    || a.pair == "firebase-listener"
                    || a.pair == "auth-listener" && b == "unsubscribe") =>
        {
            Some(format!("{b}()"))
        }
        (Matching::Binding, Some(b), recv)
            if release.starts_with("clear") || release.starts_with("cancel") =>
        {
            let f = release.rsplit('.').next().unwrap_or(release);
            Some(match recv {
                Some(r) if a.pair == "geolocation-watch" => format!("{r}.{f}({b})"),
                _ => format!("{f}({b})"),
            })
        }
        (_, Some(b), _) => Some(format!("{b}.{release}()")),
        (Matching::Listener, None, Some(r)) => {
            let inline =
                |x: &str| x.contains("=>") || x.starts_with("function") || x.starts_with('<');
            let event = a.args.first()?;
            let mut args = vec![event.clone()];
            if let Some(h) = a.args.get(1) {
                if inline(h) {
                    return None;
                }
                args.push(h.clone());
            }
            if let Some(opt) = a
                .args
                .get(2)
                .filter(|o| *o == "true" || o.contains("capture:true"))
            {
                args.push(opt.clone());
            }
            Some(format!("{r}.{release}({})", args.join(", ")))
        }
        (Matching::Receiver, None, Some(r)) => Some(format!("{r}.{release}()")),
        _ => None,
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
fn cleanup_fix(
    source: &SourceFile,
    effect: &EffectFact,
    a: &Acquisition,
    pair: &Pair<'_>,
) -> Option<Fix> {
    if !matches!(
        effect.hook.as_str(),
        "useEffect" | "useLayoutEffect" | "useInsertionEffect"
    ) {
        return None;
    }
    let text = source.text.as_str();
    let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
    let mut edits = Vec::new();
    let mut binding = a.binding.clone();
    if binding.is_none() && pair.matching == Matching::Binding {
        // `setInterval(poll, 1000);` → `const intervalId = setInterval(poll, 1000);`
        let stmt = a.statement?;
        let stmt_text = source.slice(stmt).trim().trim_end_matches(';').trim();
        if stmt_text != source.slice(a.span).trim() {
            return None;
        }
        let mut name = binding_name(&a.pair).to_string();
        if text.contains(&format!(" {name} ")) || text.contains(&format!(" {name}=")) {
            name.push('2');
        }
        edits.push(Edit {
            span: Span::new(stmt.start as usize, stmt.start as usize),
            content: format!("const {name} = "),
        });
        binding = Some(name);
    }
    let call = release_call(a, pair, binding.as_deref())?;
    let anchors = &effect.anchors;
    let indent = anchors.indent.as_str();
    let edit = if let Some(end) = anchors.cleanup_end.filter(|_| effect.cleanup.is_some()) {
        let w = line_prefix(text, end as usize)?;
        Edit {
            span: Span::new(end as usize, end as usize),
            content: format!("  {call};{nl}{w}"),
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
        let extra = indent.strip_prefix(w).unwrap_or("  ");
        Edit {
            span: Span::new(end, end),
            content: format!("{extra}return () => {{{nl}{indent}  {call};{nl}{indent}}};{nl}{w}"),
        }
    } else {
        return None;
    };
    edits.push(edit);
    Some(Fix {
        message: format!("Release it in the cleanup: `{call}`"),
        applicability: Applicability::Unsafe,
        edits,
        related_edits: Vec::new(),
    })
}
