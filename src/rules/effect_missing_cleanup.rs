//! `effect-missing-cleanup` (CL201): an effect acquires something (a listener, an interval, a
//! socket, a subscription, a user connection) and its cleanup does not release it.
//! Docs: rules/effect-missing-cleanup.md

use crate::catalog::{EffectPairDef, Matching, ResultIsRelease};
use crate::diagnostic::{Finding, Severity};
use crate::facts::{Acquisition, Cleanup, EffectFact, RootMount};
use crate::fixgen::effect_cleanup::{
    InlineHandler, Pair, canon, capture_flag, cleanup_fix, function_literal, inline_handler, is_release,
    own_binding, release_name, same, same_quotes,
};
use crate::rules::{Check, ProjectCx, with_article};
use crate::source::Lang;

crate::declare_rule! {
    EffectMissingCleanup {
        id: "effect-missing-cleanup",
        code: "CL201",
        summary: "an effect acquires a listener, timer, socket, subscription or connection and its cleanup does not release it",
        langs: [Lang::Ts, Lang::Tsx, Lang::Js],
        severity: Error,
        fix: Sometimes,
    }
}


impl Check for EffectMissingCleanup {
    fn check(&self, cx: &ProjectCx<'_>, out: &mut Vec<Finding>) {
        let roots: Vec<(usize, &RootMount)> = cx
            .files
            .iter()
            .enumerate()
            .flat_map(|(gi, g)| g.facts.root_mounts.iter().map(move |m| (gi, m)))
            .collect();
        for (fi, file) in cx.files.iter().enumerate() {
            for effect in &file.facts.effects {
                // An application's root component mounts once, for the life of the page: what
                // its mount acquires once is acquired once.
                if effect.once_per_mount
                    && effect
                        .component
                        .as_deref()
                        .is_some_and(|c| is_root(cx, &roots, fi, c))
                {
                    continue;
                }
                // A custom element that only pages place (`<org-nav>` in a template, never
                // created by a script) is connected once per page load, like a root.
                if effect.once_per_mount
                    && effect
                        .component
                        .as_deref()
                        .is_some_and(|c| placed_by_pages(cx, fi, c))
                {
                    continue;
                }
                // Names given by this effect's fixes: fixes of one pass must not give two
                // acquisitions the same name (their cleanup edits would then be identical and
                // both apply, declaring one `const` twice).
                let mut taken: Vec<String> = Vec::new();
                for a in &effect.acquisitions {
                    let Some(pair) = pair_of(cx, a) else { continue };
                    // A one-shot timer or frame requested from a listener's or an observer's
                    // callback fires once per event, after the effect's run: nothing piles up.
                    if pair.minor && a.in_callback {
                        continue;
                    }
                    if is_released(a, &pair, effect.cleanup.as_ref()) {
                        continue;
                    }
                    // Kept in a ref (`stepTimeoutRef.current = setTimeout(…)`) that another
                    // effect of the same component releases on unmount (`return () =>
                    // clearTimeout(stepTimeoutRef.current)`): one handle, released there.
                    if a.binding.as_deref().is_some_and(|b| b.ends_with(".current"))
                        && file.facts.effects.iter().any(|other| {
                            !std::ptr::eq(other, effect)
                                && other.component == effect.component
                                && other.component.is_some()
                                && is_released(a, &pair, other.cleanup.as_ref())
                        })
                    {
                        continue;
                    }
                    // A one-shot that neither re-arms nor acquires anything in its callback (a
                    // focus, a flag reset, a layout fix): it holds nothing once it fired.
                    if pair.minor
                        && cx.catalog.js.effect(&a.pair).is_some_and(|d| d.only_when_lasting)
                        && !rearms_or_acquires(cx, effect, a, 0, &file.source.text)
                    {
                        continue;
                    }
                    // Requested only from the callback of a one-shot timer or frame the cleanup
                    // cancels (`const t = setTimeout(() => requestAnimationFrame(f), 0)` with
                    // `clearTimeout(t)`): cancelling the outer one cancels both.
                    if pair.minor
                        && effect.acquisitions.iter().any(|outer| {
                            !std::ptr::eq(outer, a)
                                && callback_spans(outer).any(|(s, e)| s <= a.span.start && a.span.end <= e)
                                && pair_of(cx, outer).is_some_and(|op| {
                                    op.minor && is_released(outer, &op, effect.cleanup.as_ref())
                                })
                        })
                    {
                        continue;
                    }
                    let handler =
                        inline_handler(&cx.catalog.js, &file.source.text, a, &pair, &mut taken);
                    let mut f = finding(fi, effect, a, &pair, handler.as_ref());
                    if cx.memo.fix_allowed(fi, file.source.text.len()) {
                        f.fix = cleanup_fix(
                            &file.source,
                            effect,
                            a,
                            &pair,
                            handler.as_ref(),
                            &mut taken,
                        );
                    }
                    out.push(f);
                }
            }
        }
    }
}

/// Is `component` of file `fi` mounted as an application's root: by a call in its own file, or
/// by a file importing it from this one (`import App from "./App.vue"; createApp(App)`)?
fn is_root(cx: &ProjectCx<'_>, roots: &[(usize, &RootMount)], fi: usize, component: &str) -> bool {
    let file = &cx.files[fi];
    let name = file.source.rel.rsplit('/').next().unwrap_or("");
    let stem = name.split('.').next().unwrap_or("");
    // A single-file component is its file's one component, whatever its importer calls it.
    let single = name.ends_with(".vue") || name.ends_with(".svelte");
    roots.iter().any(|(gi, m)| match &m.module {
        None => *gi == fi && m.name == component,
        Some(r) => {
            r.names_any(&file.facts.module_keys)
                && (m.name == component || single || stem == component)
        }
    })
}

/// Is class `component` of file `fi` a custom element (`customElements.define("org-nav",
/// OrgNav)`) that the run's pages or templates write (`<org-nav>`) and that no script creates
/// (`createElement("org-nav")`, `<org-nav>` in a template string or JSX)? It lives as long as
/// its page.
fn placed_by_pages(cx: &ProjectCx<'_>, fi: usize, component: &str) -> bool {
    let Some((tag, _)) = cx.files[fi]
        .facts
        .custom_elements
        .iter()
        .find(|(_, class)| class == component)
    else {
        return false;
    };
    page_tags(cx).contains(tag)
        && !cx
            .files
            .iter()
            .any(|f| f.facts.created_tags.iter().any(|t| t == tag))
}

/// Does a one-shot last: re-arm (its callback, or the function it is given by name, requests
/// the same again: an animation loop, a polling chain), or acquire in its callback something
/// that lasts (a listener, an interval, a socket; not another one-shot that does not)?
fn rearms_or_acquires(
    cx: &ProjectCx<'_>,
    effect: &crate::facts::EffectFact,
    a: &Acquisition,
    depth: usize,
    file_text: &str,
) -> bool {
    // The callback, handed by name (`setTimeout(poll, ms)`): the first argument, not a delay
    // that a sibling one-shot shares (`SAVE_TIMEOUT_MS`).
    let named: Vec<&String> = a
        .args
        .iter()
        .take(1)
        .filter(|t| !t.starts_with('<'))
        .filter(|t| t.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '.'))
        .filter(|t| !t.chars().all(|c| c.is_ascii_digit() || c == '_' || c == '.'))
        .collect();
    // Handed a function the file defines: it re-arms when that function requests the same one
    // again (`const poll = () => { …; setTimeout(poll, 1000) }`); siblings handed the same
    // function (`setTimeout(verify, 10); setTimeout(verify, 50)`) do not make a loop.
    let def = a.callback_def.filter(|_| !named.is_empty());
    if let Some(d) = def {
        let inside_def = |s: crate::source::Span| d.start <= s.start && s.end <= d.end;
        let callee = a.call.split('(').next().unwrap_or("");
        let def_text = file_text
            .get(d.start as usize..d.end as usize)
            .unwrap_or("");
        if effect.acquisitions.iter().any(|b| {
            b.pair == a.pair && inside_def(b.span) && b.args.iter().any(|t| named.contains(&t))
        }) || (!callee.is_empty()
            && named
                .iter()
                .any(|n| def_text.contains(&format!("{callee}({n}"))))
        {
            return true;
        }
    }
    effect.acquisitions.iter().any(|b| {
        if std::ptr::eq(a, b) {
            return false;
        }
        if def.is_none() && b.pair == a.pair && b.args.iter().any(|t| named.contains(&t)) {
            return true;
        }
        let inside = callback_spans(a).any(|(s, e)| s <= b.span.start && b.span.end <= e);
        // The same one-shot again inside: a loop when it is handed a function by name
        // (`requestAnimationFrame(tick)`) or its own inline callback goes on; two nested
        // literals that stop (`requestAnimationFrame(() => requestAnimationFrame(() => …))`)
        // are a finite chain.
        let again = b.pair == a.pair
            && ((callback_spans(b).next().is_none() && b.callback_def.is_none())
                || (depth < 4 && rearms_or_acquires(cx, effect, b, depth + 1, file_text)));
        inside
            && (again
                || !cx
                    .catalog
                    .js
                    .effect(&b.pair)
                    .is_some_and(|d| d.only_when_lasting)
                || (depth < 4 && rearms_or_acquires(cx, effect, b, depth + 1, file_text)))
    })
}

/// The byte spans of the inline functions an acquisition is given (its arguments recorded as
/// `<function literal at S..E>`).
fn callback_spans(a: &Acquisition) -> impl Iterator<Item = (u32, u32)> + '_ {
    a.args.iter().filter_map(|t| {
        let rest = t.strip_prefix("<function literal at ")?;
        let (range, _) = rest.split_once(['>', ','])?;
        let (s, e) = range.split_once("..")?;
        Some((s.parse().ok()?, e.parse().ok()?))
    })
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
            fix_binding: "resource",
            result_is_release: ResultIsRelease::ByName,
            release_on_receiver: false,
            release_keyed: false,
            disposer_field: None,
            release_target: &[],
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
        minor: def.one_shot,
        fix_binding: def.fix_binding.as_deref().unwrap_or("resource"),
        result_is_release: def.result_is_release,
        release_on_receiver: def.release_on_receiver,
        release_keyed: def.release_keyed,
        disposer_field: def.disposer_field.as_deref(),
        release_target: &def.release_target,
    })
}


/// The local a receiver chain starts from: `room` for `room` and `room.on("presence", …)`;
/// `None` for a chain that starts elsewhere (`supabase.channel(…)`: a new object).
fn receiver_root(receiver: &str) -> Option<String> {
    let r = canon(receiver);
    let end = r
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .unwrap_or(r.len());
    let (root, rest) = r.split_at(end);
    let chained_on = rest.is_empty() || rest.starts_with(".on(");
    (!root.is_empty() && chained_on).then(|| root.to_string())
}

/// `text` with its root `root` replaced by `alias`: `lobby.call` → `joined.call`.
fn with_root(text: &str, root: &str, alias: &str) -> Option<String> {
    let rest = text.strip_prefix(root)?;
    (rest.is_empty() || rest.starts_with(['.', '['])).then(|| format!("{alias}{rest}"))
}

fn is_released(a: &Acquisition, pair: &Pair<'_>, cleanup: Option<&Cleanup>) -> bool {
    if a.returned {
        return true;
    }
    let Some(cleanup) = cleanup else { return false };
    if released_as(a, pair, cleanup) || targets_released(a, pair, cleanup) {
        return true;
    }
    // Released under another name the effect stored it under (`joined = lobby`).
    a.aliases.iter().any(|(root, alias)| {
        let mut b = a.clone();
        b.receiver = a
            .receiver
            .as_deref()
            .map(|r| with_root(r, root, alias).unwrap_or(r.to_string()));
        b.binding = a
            .binding
            .as_deref()
            .map(|r| with_root(r, root, alias).unwrap_or(r.to_string()));
        // A listener's handler stored under another name (`editor._onClick = onClick`).
        if let Some(h) = b.args.get_mut(1)
            && h == root
        {
            *h = alias.clone();
        }
        (b.receiver != a.receiver || b.binding != a.binding || b.args != a.args)
            && released_as(&b, pair, cleanup)
    })
}

/// Released target by target (`observer.unobserve(el)` for each `observer.observe(el)`): every
/// watched target is released (or, when the effect watches nothing the front-end saw, any one).
fn targets_released(a: &Acquisition, pair: &Pair<'_>, cleanup: &Cleanup) -> bool {
    let Some(b) = a.binding.as_deref().map(canon) else {
        return false;
    };
    let released: Vec<String> = cleanup
        .calls
        .iter()
        .filter(|c| {
            pair.release_target.contains(&c.callee)
                && c.receiver.as_deref().map(canon).as_deref() == Some(b.as_str())
        })
        .map(|c| c.args.first().map(|x| canon(x)).unwrap_or_default())
        .collect();
    !released.is_empty()
        && (a.targets.is_empty() || a.targets.iter().all(|t| released.contains(&canon(t))))
}

fn released_as(a: &Acquisition, pair: &Pair<'_>, cleanup: &Cleanup) -> bool {
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
            // A disposer's result wrapping its handle: `const { data: sub } =
            // supabase.auth.onAuthStateChange(…)` released by `sub.subscription.unsubscribe()`.
            if pair.disposer
                && is_release(pair, &c.callee, c.receiver.as_deref())
                && receiver.is_some_and(|r| {
                    canon(r)
                        .strip_prefix(&b)
                        .is_some_and(|rest| rest.starts_with('.') && !rest[1..].contains('.'))
                })
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
                    // The handler, or the reference its registration returned
                    // (`const ref = ch.on("status", f)` … `ch.off("status", ref)`).
                    let second_ok = match (c.args.get(1), a.args.get(1)) {
                        (Some(x), Some(y)) => {
                            canon(x) == canon(y) || a.binding.as_deref().is_some_and(|b| canon(x) == canon(b))
                        }
                        _ => true,
                    };
                    // The capture flag is part of a listener's identity: removing without it
                    // what was added with `true` / `{ capture: true }` removes nothing.
                    let capture_ok = match (
                        capture_flag(a.args.get(2).map(String::as_str)),
                        capture_flag(c.args.get(2).map(String::as_str)),
                    ) {
                        (Some(x), Some(y)) => x == y,
                        _ => true,
                    };
                    if is_release(pair, &c.callee, c.receiver.as_deref())
                        && first_same
                        && second_ok
                        && capture_ok
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
                // An unbound `room.on(…).subscribe(…)` released through its receiver:
                // `room.unsubscribe()`, `supabase.removeChannel(room)`.
                if a.binding.is_none()
                    && let Some(root) = a.receiver.as_deref().and_then(receiver_root)
                    && is_release(pair, &c.callee, c.receiver.as_deref())
                    && (receiver.is_some_and(|r| canon(r) == root)
                        || c.args.first().is_some_and(|x| canon(x) == root))
                {
                    return true;
                }
                // A subscription by key released by key on the same receiver (Baserow's
                // `this.$realtime.subscribe('table', { table_id })` … `this.$realtime
                // .unsubscribe('table', { table_id })` in `beforeDestroy`).
                if a.binding.is_none()
                    && a.receiver.is_some()
                    && same(receiver, a.receiver.as_ref())
                    && is_release(pair, &c.callee, c.receiver.as_deref())
                    && !a.args.is_empty()
                    && same(c.args.first(), a.args.first())
                {
                    return true;
                }
            }
        }
        // (d) an abort signal: given to the call (listeners), or to the receiver when it was
        // built (`new SSEStreamSubscription(url, { signal })` for `sub.subscribe()`)
        let signals = [
            a.signal.as_ref().filter(|_| pair.signal),
            a.receiver_signal.as_ref(),
        ];
        if c.callee == "abort"
            && let Some(ctrl) = receiver
        {
            let ctrl = canon(ctrl);
            if signals.into_iter().flatten().any(|sig| {
                let sig = canon(sig);
                sig == format!("{ctrl}.signal") || sig == "signal"
            }) {
                return true;
            }
        }
    }
    false
}

fn finding(
    file: usize,
    effect: &EffectFact,
    a: &Acquisition,
    pair: &Pair<'_>,
    handler: Option<&InlineHandler>,
) -> Finding {
    let release = release_name(a, pair).unwrap_or("the release");
    let bound = own_binding(a, pair);
    let how = match (pair.matching, &bound, &a.receiver) {
        // `const { room, leave } = client.enterRoom(…)`: the release is a field of the result.
        (_, b, _) if pair.disposer_field.is_some_and(|f| b.as_deref() != Some(f)) => {
            let f = pair.disposer_field.unwrap_or("release");
            format!(
                "keep `{f}` from its result (`const {{ …, {f} }} = {}(…)`) and call `{f}()`",
                a.call.split('(').next().unwrap_or_default()
            )
        }
        (Matching::Listener, None, Some(r)) if handler.is_some() => {
            let name = handler.map(|h| h.name.as_str()).unwrap_or("handler");
            let event = a.args.first().map(String::as_str).unwrap_or("…");
            let typed = if handler.is_some_and(|h| h.typed_by_call) {
                ", its parameters annotated"
            } else {
                ""
            };
            let call = same_quotes(&a.call, a, format!("{r}.{release}({event}, {name})"));
            format!(
                "bind the handler to a const so the cleanup can remove the same function (`const {name} = …`{typed}), and call `{call}`"
            )
        }
        (Matching::Listener, Some(b), _) if pair.disposer => format!("call `{b}.{release}()`"),
        (_, Some(b), _) if pair.disposer => format!("call `{b}()` (or `{b}.{release}()`)"),
        (m, None, r) if pair.disposer && (m != Matching::Listener || r.is_none()) => {
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
            let args: Vec<&str> = a
                .args
                .iter()
                .take(2)
                .map(|x| match function_literal(x) {
                    Some(_) => "…",
                    None => x.as_str(),
                })
                .collect();
            format!(
                "call `{r}.{release}({})` with the same event and handler",
                args.join(", ")
            )
        }
        (_, _, Some(r)) => format!("call `{r}.{release}()`"),
        _ => format!("call `{release}`"),
    };
    let in_cleanup = if let Some(h) = &effect.release_hook {
        format!("in `{h}`")
    } else if effect.cleanup.is_some() {
        "in the cleanup the effect returns".to_string()
    } else {
        cleanup_place(&effect.hook).to_string()
    };
    let component = effect
        .component
        .as_deref()
        .map(|c| format!(" in `{c}`"))
        .unwrap_or_default();
    // React's hooks re-run when a dependency changes (and twice under StrictMode); a class's
    // `componentDidMount`, Vue's `onMounted` or Svelte's `onMount` once per mount
    let react_hook = effect.hook.starts_with("use");
    let message = if let Some(release) = &effect.release_hook {
        // A component's lifecycle: the release belongs in its unmount method.
        format!(
            "`{}` acquires {} in `{}`{component}{}",
            short(&a.call),
            with_article(&pair.what),
            effect.hook,
            if effect.cleanup.is_some() {
                format!(" that its `{release}` never releases")
            } else {
                format!(", which has no `{release}` to release it")
            }
        )
    } else if effect.cleanup.is_some() {
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
            "{how} {in_cleanup}; otherwise every mount{} leaks one more",
            if react_hook {
                " (and React StrictMode's double mount in development)"
            } else {
                ""
            }
        ),
        label: Some((
            effect.span,
            format!(
                "`{}` runs on every mount{}",
                effect.hook,
                if react_hook {
                    " and dependency change"
                } else {
                    ""
                }
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
        "onMount" => "in a function returned from the `onMount` callback (or in `onDestroy`)",
        "$effect" => "in a function returned from the `$effect` callback (`return () => { … }`)",
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

/// The custom-element tags (names with a `-`, `<org-type-form …>`) written in the run's pages
/// and templates, read once, on first need. Files over 1 MiB, unreadable or not text are
/// skipped.
fn page_tags<'c>(cx: &'c ProjectCx<'_>) -> &'c std::collections::HashSet<String> {
    cx.memo.page_tags.get_or_init(|| {
        let mut tags = std::collections::HashSet::new();
        for path in cx.markup {
            let Some(text) = crate::deploy::read_small(path) else {
                continue;
            };
            // `<org-nav …>`, or an inline script's `document.createElement("org-nav")` (run
            // once, when the page loads).
            crate::facts::element_tags(&text, |name| {
                tags.insert(name.to_string());
            });
        }
        tags
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    #[test]
    fn dom_event_types_only_where_certain() {
        let catalog = crate::catalog::Catalog::builtin().unwrap();
        let dom_event_type = |r, e| catalog.js.dom_event_type(r, e);
        assert_eq!(
            dom_event_type(Some("window"), "\"message\""),
            Some("MessageEvent")
        );
        assert_eq!(
            dom_event_type(Some("document"), "'keydown'"),
            Some("KeyboardEvent")
        );
        // `message` is no event of `document`; a WebSocket or a custom target is not known.
        assert_eq!(dom_event_type(Some("document"), "\"message\""), None);
        assert_eq!(dom_event_type(Some("ws"), "\"message\""), None);
        assert_eq!(dom_event_type(Some("window"), "eventName"), None);
        assert_eq!(dom_event_type(Some("window"), "\"my-custom\""), None);
    }
}
