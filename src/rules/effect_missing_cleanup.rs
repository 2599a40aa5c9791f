//! `effect-missing-cleanup` (CL201): an effect acquires something (a listener, an interval, a
//! socket, a subscription, a user connection) and its cleanup does not release it.
//! Docs: rules/effect-missing-cleanup.md

use crate::catalog::{EffectPairDef, Matching};
use crate::diagnostic::{Finding, Severity};
use crate::facts::{Acquisition, Cleanup, EffectFact};
use crate::rules::{FixAvailability, ProjectCx, Rule, RuleMeta};
use crate::source::Lang;

pub static META: RuleMeta = RuleMeta {
    id: "effect-missing-cleanup",
    code: "CL201",
    summary: "an effect acquires a listener, timer, socket, subscription or connection and its cleanup does not release it",
    langs: &[Lang::Ts, Lang::Tsx, Lang::Js],
    default_severity: Severity::Error,
    fix: FixAvailability::None,
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
                    out.push(finding(fi, effect, a, &pair));
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
            article(&pair.what),
            effect.hook
        )
    } else {
        format!(
            "`{}` acquires {} in `{}`{component}, which returns no cleanup",
            short(&a.call),
            article(&pair.what),
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

fn article(noun: &str) -> String {
    let vowel = noun
        .chars()
        .next()
        .is_some_and(|c| "aeiouAEIOU".contains(c));
    format!("{} {noun}", if vowel { "an" } else { "a" })
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
