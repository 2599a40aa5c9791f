//! Pieces of effect analysis that need no walker: the function index, an effect's parts,
//! canonical texts, cleanup arrays, element releases and anchors for fixes.

use super::*;

/// An environment test: does the consequent (`.0`) / the alternative (`.1`) only run in
/// production? `process.env.NODE_ENV === "production"` is `(true, false)`.
pub(super) type EnvTest = (bool, bool);

/// Named functions of the file and every name it declares, for following helpers and for
/// telling a global (`setInterval`) from a local or a prop of the same name.
pub(super) struct FnIndex<'t> {
    /// Function name → (function node, byte range of the scope that declares it).
    pub(super) fns: HashMap<String, Vec<(Node<'t>, std::ops::Range<usize>)>>,
    /// Variables, parameters, functions and classes declared anywhere (imports excluded).
    pub(super) declared: HashSet<String>,
}

impl<'t> FnIndex<'t> {
    pub(super) fn build(flat: &Flat<'t>, root: Node<'t>, src: &str) -> Self {
        let mut fns: HashMap<String, Vec<(Node<'t>, std::ops::Range<usize>)>> = HashMap::default();
        let mut declared: HashSet<String> = HashSet::default();
        let mut scopes: Vec<std::ops::Range<usize>> = Vec::new();
        scopes.push(0..src.len());
        traverse_kinds(flat, root, |at, kind, named, entering| {
            let n = at.node;
            if !named {
                return;
            }
            if is_fn_kind(kind) {
                if !entering {
                    scopes.pop();
                    return;
                }
                if let Some(fname) = fn_name(at, src)
                    && matches!(
                        fname.kind,
                        NameKind::Decl | NameKind::Var | NameKind::Wrapper
                    )
                {
                    let scope = scopes.last().cloned().unwrap_or(0..src.len());
                    declared.insert(fname.name.clone());
                    fns.entry(fname.name).or_default().push((n, scope));
                } else if let Some(name) = use_callback_name(at, src) {
                    // `const cancel = useCallback(() => …, [])`: a cleanup may return `cancel`.
                    let scope = scopes.last().cloned().unwrap_or(0..src.len());
                    declared.insert(name.clone());
                    fns.entry(name).or_default().push((n, scope));
                }
                let mut names = Vec::new();
                for p in [field(n, "parameters"), field(n, "parameter")]
                    .into_iter()
                    .flatten()
                {
                    pattern_names(p, src, &mut names);
                }
                declared.extend(names);
                scopes.push(n.byte_range());
                return;
            }
            if !entering {
                return;
            }
            let mut names = Vec::new();
            match kind {
                "variable_declarator" => {
                    if let Some(name) = field(n, "name") {
                        pattern_names(name, src, &mut names);
                    }
                }
                "class_declaration" | "abstract_class_declaration" => {
                    if let Some(name) = field(n, "name") {
                        names.push(text(name, src).to_string());
                    }
                }
                "catch_clause" => {
                    if let Some(p) = field(n, "parameter") {
                        pattern_names(p, src, &mut names);
                    }
                }
                _ => {}
            }
            declared.extend(names);
        });
        FnIndex { fns, declared }
    }

    /// The function `name` visible at byte `at`: the one declared in the innermost scope
    /// around `at`.
    pub(super) fn lookup(&self, name: &str, at: usize) -> Option<Node<'t>> {
        self.fns
            .get(name)?
            .iter()
            .filter(|(_, r)| r.contains(&at))
            .min_by_key(|(_, r)| r.len())
            .map(|(n, _)| *n)
    }

    /// Functions assigned to the variable `name` inside the scope that declares the function
    /// [`FnIndex::lookup`] finds (`let stop = () => {}; … stop = () => client.close();`): a call
    /// of `name` may run any of them.
    pub(super) fn reassigned(&self, name: &str, at: usize) -> Vec<Node<'t>> {
        let Some(entries) = self.fns.get(name) else {
            return Vec::new();
        };
        let assigned = |n: &Node<'t>| {
            n.parent()
                .is_some_and(|p| p.kind_name() == "assignment_expression")
        };
        let Some((decl, scope)) = entries
            .iter()
            .filter(|(_, r)| r.contains(&at))
            .min_by_key(|(_, r)| r.len())
        else {
            // Declared without a function (`let detach: (() => void) | undefined`) and assigned
            // one inside a nested function (`detach = () => { … removeEventListener … }`), then
            // called from the cleanup (`detach?.()`): the functions assigned to that name.
            return entries
                .iter()
                .filter(|(n, _)| assigned(n) && n.start_byte() < at)
                .map(|(n, _)| *n)
                .collect();
        };
        entries
            .iter()
            .filter(|(n, _)| n.id() != decl.id() && scope.contains(&n.start_byte()))
            .filter(|(n, _)| {
                n.parent()
                    .is_some_and(|p| p.kind_name() == "assignment_expression")
            })
            .map(|(n, _)| *n)
            .collect()
    }
}

/// What an effect is made of, before its facts are built.
pub(super) struct EffectParts<'t> {
    pub(super) hook: String,
    pub(super) span: Span,
    pub(super) component: Option<String>,
    /// Where acquisitions are looked for (the effect callback, `componentDidMount`).
    pub(super) bodies: Vec<Node<'t>>,
    /// Values the effect callback returns (React): an acquisition returned is its own cleanup.
    pub(super) returns: Vec<Node<'t>>,
    /// Cleanup functions: the returned function, `componentWillUnmount`, Vue `onUnmounted`
    /// callbacks.
    pub(super) cleanup_fns: Vec<Node<'t>>,
    /// Returned disposers (`return unsubscribe`): the cleanup calls them.
    pub(super) disposers: Vec<(String, Span)>,
    /// Some other value is returned (`return subscribe(…)`): a cleanup whose calls are unknown.
    pub(super) opaque: Option<Span>,
    /// A class component's body, for `this.helper()`.
    pub(super) class_body: Option<Node<'t>>,
    /// Values pushed into an array of cleanups the cleanup calls
    /// (`cleanups.push(onSnapshot(…))`): an acquisition pushed there is its own cleanup.
    pub(super) pushed: HashSet<usize>,
    /// Calls and constructions stored in an array or set whose elements the cleanup releases
    /// one by one (`subs.forEach((s) => s.unsubscribe())`), with the names it releases them
    /// with (`unsubscribe`).
    pub(super) released_elements: HashMap<usize, Vec<String>>,
    /// The dependency array's entries (canonical texts) of a React effect.
    pub(super) deps: Vec<String>,
    pub(super) anchors: EffectAnchors,
    /// The unmount method of a lifecycle (see [`EffectFact::release_hook`]).
    pub(super) release_hook: Option<String>,
    /// See [`EffectFact::once_per_mount`].
    pub(super) once: bool,
}

impl<'t> EffectParts<'t> {
    pub(super) fn new(hook: &str, span: Span, component: Option<String>) -> Self {
        EffectParts {
            hook: hook.to_string(),
            span,
            component,
            bodies: Vec::new(),
            returns: Vec::new(),
            cleanup_fns: Vec::new(),
            disposers: Vec::new(),
            opaque: None,
            class_body: None,
            pushed: HashSet::default(),
            released_elements: HashMap::default(),
            deps: Vec::new(),
            anchors: EffectAnchors::default(),
            release_hook: None,
            once: false,
        }
    }
}

/// Canonical text of an expression, so that texts written differently compare equal:
/// whitespace and comments dropped (one space kept between two word characters), quotes
/// normalised to `"` (a template literal without `${…}` too), `?.` → `.` (`f?.()` → `f()`,
/// `a?.[i]` → `a[i]`), non-null assertions (`ref.current!.close`) dropped.
pub(super) fn canon(t: &str) -> String {
    let chars: Vec<char> = t.chars().collect();
    let word = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
    let mut out = String::with_capacity(t.len());
    let mut space = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            space = true;
            i += 1;
            continue;
        }
        if c == '/' && chars.get(i + 1) == Some(&'/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            space = true;
            continue;
        }
        if c == '/' && chars.get(i + 1) == Some(&'*') {
            i += 2;
            while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                i += 1;
            }
            i += 2;
            space = true;
            continue;
        }
        let spaced = space;
        if space {
            if out.chars().last().is_some_and(word) && word(c) {
                out.push(' ');
            }
            space = false;
        }
        match c {
            '\'' | '"' | '`' => {
                let mut body = String::new();
                let mut template = false;
                i += 1;
                while i < chars.len() && chars[i] != c {
                    if chars[i] == '\\' && i + 1 < chars.len() {
                        body.push(chars[i]);
                        body.push(chars[i + 1]);
                        i += 2;
                        continue;
                    }
                    if c == '`' && chars[i] == '$' && chars.get(i + 1) == Some(&'{') {
                        template = true;
                    }
                    body.push(chars[i]);
                    i += 1;
                }
                let q = if template { '`' } else { '"' };
                out.push(q);
                out.push_str(&body);
                out.push(q);
            }
            '?' if chars.get(i + 1) == Some(&'.')
                && !chars.get(i + 2).is_some_and(|d| d.is_ascii_digit()) =>
            {
                if !matches!(chars.get(i + 2), Some('(') | Some('[')) {
                    out.push('.');
                }
                i += 1;
            }
            '!' if !spaced
                && out
                    .chars()
                    .last()
                    .is_some_and(|p| word(p) || p == ')' || p == ']')
                && chars.get(i + 1) != Some(&'=') => {}
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

/// Waiting inside a promise: `new Promise((resolve) => setTimeout(resolve, ms))`,
/// `new Promise((r) => window.addEventListener("focus", () => r(), { once: true }))`. The
/// timer or listener only settles the promise (its arguments use the executor's `resolve`).
pub(super) fn is_promise_wait(a: At, src: &str) -> bool {
    let args: Vec<String> = call_args(a.node)
        .into_iter()
        .map(|x| text(x, src).to_string())
        .collect();
    let mentions = |name: &str| {
        args.iter().any(|t| {
            t.match_indices(name).any(|(i, _)| {
                let word = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
                !t[..i].chars().next_back().is_some_and(word)
                    && !t[i + name.len()..].chars().next().is_some_and(word)
            })
        })
    };
    let mut cur = a;
    while let Some(p) = cur.up() {
        if is_fn_kind(p.node.kind_name()) {
            let resolve = [field(p.node, "parameters"), field(p.node, "parameter")]
                .into_iter()
                .flatten()
                .next()
                .and_then(|ps| {
                    let mut names = Vec::new();
                    pattern_names(ps, src, &mut names);
                    names.into_iter().next()
                });
            let executor = arg_position(p).is_some_and(|(call, i)| {
                i == 0
                    && call.node.kind_name() == "new_expression"
                    && field(call.node, "constructor").is_some_and(|c| text(c, src) == "Promise")
            });
            return executor && resolve.is_some_and(|r| mentions(&r));
        }
        cur = p;
    }
    false
}

/// `text` with a helper's parameter replaced by the argument it was called with (`s` or
/// `s.x` for the parameter `s`).
pub(super) fn substitute(text: &str, subst: &HashMap<String, String>) -> String {
    if let Some(v) = subst.get(text) {
        return v.clone();
    }
    if let Some((head, rest)) = text.split_once('.')
        && let Some(v) = subst.get(head)
    {
        return format!("{v}.{rest}");
    }
    text.to_string()
}

/// Source text for messages: on one line, without the spaces a chain's line breaks leave.
pub(super) fn display_text(t: &str) -> String {
    t.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("( ", "(")
        .replace(" )", ")")
        .replace(" .", ".")
        .replace(" ?.", "?.")
}

/// The leading whitespace of the line holding byte `at`.
pub(super) fn line_indent(src: &str, at: usize) -> String {
    let start = src
        .get(..at)
        .and_then(|s| s.rfind('\n'))
        .map_or(0, |i| i + 1);
    src.get(start..)
        .unwrap_or("")
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect()
}

/// What an effect stores in an array of cleanups (see [`Walker::array_cleanups`]).
#[derive(Default)]
pub(super) struct StoredCleanups<'t> {
    /// Functions pushed (inline, or same-file functions by name).
    pub(super) fns: Vec<Node<'t>>,
    /// Other names pushed (`unsubscribe`, `sub.unsubscribe`): disposers the cleanup calls.
    pub(super) disposers: Vec<(String, Span)>,
    /// Calls and constructions pushed (`cleanups.push(onSnapshot(…))`).
    pub(super) pushed: HashSet<usize>,
}

/// The array (or set) a loop goes through: `cleanups.splice(0)`, `cleanups.slice()` →
/// `cleanups`.
pub(super) fn array_of<'t>(mut x: Node<'t>, src: &str) -> Option<Node<'t>> {
    for _ in 0..4 {
        x = unwrap_value(x);
        let inner = (x.kind_name() == "call_expression")
            .then(|| field(x, "function").map(unwrap_value))
            .flatten()
            .filter(|c| c.kind_name() == "member_expression")
            .filter(|c| {
                matches!(
                    field(*c, "property").map(|p| text(p, src)),
                    Some("splice" | "slice" | "reverse")
                )
            })
            .and_then(|c| field(c, "object"));
        match inner {
            Some(i) => x = i,
            None => break,
        }
    }
    matches!(x.kind_name(), "identifier" | "member_expression").then_some(x)
}

/// See [`NestedAnchors`]: the acquisition `a`'s own statement, when every construct between it
/// and the effect callback's body block runs once per effect run.
pub(super) fn nested_anchors(
    a: At<'_, '_>,
    parts: &EffectParts<'_>,
    src: &str,
) -> Option<NestedAnchors> {
    let block = parts
        .bodies
        .first()
        .and_then(|cb| field(*cb, "body"))
        .filter(|b| b.kind_name() == "statement_block")?;
    let body_start = named_kids(block).first()?.start_byte();
    // The acquisition's own statement: `x(…);`, `await x(…);`, `const v = await x(…);`.
    let mut cur = a;
    let (own, declares) = loop {
        let p = cur.up()?;
        match p.node.kind_name() {
            "await_expression" | "parenthesized_expression" | "non_null_expression" => cur = p,
            "expression_statement" => break (p, false),
            "variable_declarator" if is_field(p.node, "value", cur.node) => {
                let decl = p.up()?;
                if !matches!(
                    decl.node.kind_name(),
                    "lexical_declaration" | "variable_declaration"
                ) || named_kids(decl.node).len() != 1
                    || field(p.node, "name").is_none_or(|n| n.kind_name() != "identifier")
                {
                    return None;
                }
                break (decl, true);
            }
            _ => return None,
        }
    };
    // Up to the effect body: blocks, conditionals, `try`, and functions run from there.
    let mut cur = own;
    loop {
        let p = cur.up()?;
        if p.node.id() == block.id() {
            break;
        }
        match p.node.kind_name() {
            "statement_block"
            | "if_statement"
            | "else_clause"
            | "try_statement"
            | "catch_clause"
            | "finally_clause"
            | "function_declaration"
            | "arrow_function"
            | "function_expression"
            | "function"
            | "call_expression"
            | "member_expression"
            | "parenthesized_expression"
            | "expression_statement"
            | "await_expression"
            | "variable_declarator"
            | "lexical_declaration" => cur = p,
            // A promise callback runs once; `forEach`, `map` or a listener's may run many times.
            "arguments"
                if p.parent()
                    .and_then(|call| field(call, "function"))
                    .and_then(|f| field(f, "property"))
                    .is_some_and(|prop| {
                        matches!(text(prop, src), "then" | "catch" | "finally")
                    }) =>
            {
                cur = p
            }
            _ => return None,
        }
    }
    Some(NestedAnchors {
        own: span(own.node),
        declares,
        body_start: u32::try_from(body_start).ok()?,
    })
}

/// The callback of `xs.map(cb)` (also `Array.from(xs, cb)`), when it is a function literal.
pub(super) fn map_callback<'t>(v: Node<'t>, src: &str) -> Option<Node<'t>> {
    if v.kind_name() != "call_expression" {
        return None;
    }
    let callee = field(v, "function").map(unwrap_value)?;
    let args = call_args(v);
    let cb = match (callee.kind_name(), text(callee, src)) {
        ("member_expression", "Array.from") => *args.get(1)?,
        ("member_expression", _) if text(field(callee, "property")?, src) == "map" => {
            *args.first()?
        }
        _ => return None,
    };
    matches!(
        cb.kind_name(),
        "arrow_function" | "function_expression" | "function"
    )
    .then_some(cb)
}

/// What a function literal returns: an arrow's expression body, or the values of the `return`
/// statements of its own body (not of nested functions).
pub(super) fn returned_values(f: Node<'_>) -> Vec<Node<'_>> {
    let Some(body) = field(f, "body") else {
        return Vec::new();
    };
    if body.kind_name() != "statement_block" {
        return vec![comma_value(body)];
    }
    let mut out = Vec::new();
    let mut stack = vec![body];
    while let Some(n) = stack.pop() {
        for k in named_kids(n) {
            match k.kind_name() {
                "return_statement" => out.extend(named_kids(k).into_iter().map(comma_value)),
                "arrow_function"
                | "function_expression"
                | "function_declaration"
                | "class_body" => {}
                _ => stack.push(k),
            }
        }
    }
    out
}

/// How a cleanup releases each element of an array or set.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum ElementUse {
    /// A method called on it: `subs.forEach((s) => s.unsubscribe())` → `unsubscribe`.
    Method(String),
    /// A function it is passed to: `timers.forEach(clearTimeout)`,
    /// `for (const t of timers) clearTimeout(t)` → `clearTimeout` (canonical text).
    PassedTo(String),
}

/// An array or set whose elements `n` releases one by one (see [`ElementUse`]), with how.
pub(super) fn element_release<'t>(n: Node<'t>, src: &str) -> Option<(Node<'t>, Vec<ElementUse>)> {
    // What `body` does with `param`: `param.m()`, `g(param)`.
    let uses_of = |body: Node, param: &str| {
        let mut out = Vec::new();
        traverse(body, |a, entering| {
            if !entering || a.node.kind_name() != "call_expression" {
                return;
            }
            let Some(callee) = field(a.node, "function").map(unwrap_value) else {
                return;
            };
            let is_param = |x: Node| {
                let x = unwrap_value(x);
                x.kind_name() == "identifier" && text(x, src) == param
            };
            if callee.kind_name() == "member_expression"
                && field(callee, "object").is_some_and(is_param)
                && let Some(m) = field(callee, "property")
            {
                out.push(ElementUse::Method(text(m, src).to_string()));
            } else if call_args(a.node).first().is_some_and(|x| is_param(*x))
                && dotted_path(callee, src).is_some()
            {
                out.push(ElementUse::PassedTo(canon(text(callee, src))));
            }
        });
        out
    };
    let (array, uses) = match n.kind_name() {
        "call_expression" => {
            let callee = unwrap_value(field(n, "function")?);
            if callee.kind_name() != "member_expression"
                || !matches!(text(field(callee, "property")?, src), "forEach" | "map")
            {
                return None;
            }
            let cb = unwrap_value(*call_args(n).first()?);
            let uses = if is_fn_kind(cb.kind_name()) {
                let mut params = Vec::new();
                for p in [field(cb, "parameters"), field(cb, "parameter")]
                    .into_iter()
                    .flatten()
                {
                    pattern_names(p, src, &mut params);
                }
                uses_of(field(cb, "body")?, params.first()?)
            } else {
                dotted_path(cb, src)?;
                vec![ElementUse::PassedTo(canon(text(cb, src)))]
            };
            (array_of(field(callee, "object")?, src)?, uses)
        }
        "for_in_statement" => {
            token(n, "of")?;
            let left = unwrap_value(field(n, "left")?);
            if left.kind_name() != "identifier" {
                return None;
            }
            let uses = uses_of(field(n, "body")?, text(left, src));
            (array_of(field(n, "right")?, src)?, uses)
        }
        _ => return None,
    };
    (!uses.is_empty()).then_some((array, uses))
}

/// An array whose elements `n` calls: `cleanups.forEach((f) => f())` (also `.map`, through
/// `.splice(0)` / `.slice()` / `.reverse()`) and `for (const c of cleanups) c()`.
pub(super) fn called_elements<'t>(n: Node<'t>, src: &str) -> Option<Node<'t>> {
    // Does `f`'s body call `param`?
    let calls_param = |f: Node, param: &str| {
        let mut found = false;
        traverse(f, |a, entering| {
            if entering
                && !found
                && a.node.kind_name() == "call_expression"
                && field(a.node, "function")
                    .map(unwrap_value)
                    .is_some_and(|c| c.kind_name() == "identifier" && text(c, src) == param)
            {
                found = true;
            }
        });
        found
    };
    let array_of = |x: Node<'t>| array_of(x, src);
    match n.kind_name() {
        "call_expression" => {
            let callee = unwrap_value(field(n, "function")?);
            if callee.kind_name() != "member_expression"
                || !matches!(text(field(callee, "property")?, src), "forEach" | "map")
            {
                return None;
            }
            let cb = unwrap_value(*call_args(n).first()?);
            if !is_fn_kind(cb.kind_name()) {
                return None;
            }
            let mut params = Vec::new();
            for p in [field(cb, "parameters"), field(cb, "parameter")]
                .into_iter()
                .flatten()
            {
                pattern_names(p, src, &mut params);
            }
            let param = params.first()?;
            if !calls_param(field(cb, "body")?, param) {
                return None;
            }
            array_of(field(callee, "object")?)
        }
        "for_in_statement" => {
            token(n, "of")?;
            let left = unwrap_value(field(n, "left")?);
            if left.kind_name() != "identifier" {
                return None;
            }
            if !calls_param(field(n, "body")?, text(left, src)) {
                return None;
            }
            array_of(field(n, "right")?)
        }
        _ => None,
    }
}

/// Values returned by the function whose block is `body` (not by nested functions).
pub(super) fn top_returns<'t>(body: Node<'t>, out: &mut Vec<Node<'t>>) {
    // Nested functions are not entered at all (effects nested a thousand deep would each walk
    // all of those inside).
    let mut stack = vec![body];
    let mut cursor = body.walk();
    while let Some(n) = stack.pop() {
        crate::lang::budget::tick();
        if n.id() != body.id() && is_fn_kind(n.kind_name()) {
            continue;
        }
        if n.kind_name() == "return_statement" {
            if let Some(v) = first_named(n) {
                out.push(comma_value(v));
            }
            continue;
        }
        let at = stack.len();
        stack.extend(n.named_children(&mut cursor));
        stack[at..].reverse();
    }
}

/// Calls and constructions below `n` in its receiver chain: `a.b(x).c(y)` → `a.b(x)`.
pub(super) fn chain_inner(n: Node, out: &mut HashSet<usize>) {
    let mut cur = n;
    for _ in 0..64 {
        if cur.kind_name() != "call_expression" {
            return;
        }
        let Some(callee) = field(cur, "function").map(unwrap_value) else {
            return;
        };
        if callee.kind_name() != "member_expression" {
            return;
        }
        let Some(mut obj) = field(callee, "object").map(unwrap_value) else {
            return;
        };
        while obj.kind_name() == "member_expression" {
            match field(obj, "object") {
                Some(o) => obj = unwrap_value(o),
                None => return,
            }
        }
        if !matches!(obj.kind_name(), "call_expression" | "new_expression") {
            return;
        }
        out.insert(obj.id());
        cur = obj;
    }
}

/// A pattern's single leaf (`{ data: { subscription } }` → `subscription`); with several
/// leaves, the one nested deepest if it is the only one that deep.
pub(super) fn pattern_leaf(p: Node, src: &str) -> Option<String> {
    pub(super) fn walk(n: Node, src: &str, depth: usize, out: &mut Vec<(String, usize)>) {
        match n.kind_name() {
            "identifier" | "shorthand_property_identifier_pattern" => {
                out.push((text(n, src).to_string(), depth))
            }
            "pair_pattern" => {
                if let Some(v) = field(n, "value") {
                    walk(v, src, depth, out);
                }
            }
            "object_pattern" | "array_pattern" => {
                for k in named_kids(n) {
                    walk(k, src, depth + 1, out);
                }
            }
            "assignment_pattern" | "object_assignment_pattern" => {
                if let Some(l) = field(n, "left").or_else(|| first_named(n)) {
                    walk(l, src, depth, out);
                }
            }
            _ => {}
        }
    }
    let mut leaves = Vec::new();
    walk(p, src, 0, &mut leaves);
    let max = leaves.iter().map(|(_, d)| *d).max()?;
    let mut deepest = leaves.into_iter().filter(|(_, d)| *d == max);
    let first = deepest.next()?;
    if deepest.next().is_some() {
        return None;
    }
    Some(first.0)
}

/// What a value is stored into, as canonical text: `const x = …` → `x`, `x = …`,
/// `ref.current = …` → `ref.current`, `this.x = …` → `this.x`, destructuring → its leaf;
/// through `await`, parentheses, casts, `a ?? …` / `a || …` and conditional arms.
pub(super) fn holder_text(at: At, src: &str) -> Option<String> {
    let mut cur = at;
    while let Some(p) = cur.up() {
        let (pn, cn) = (p.node, cur.node);
        match pn.kind_name() {
            "await_expression"
            | "parenthesized_expression"
            | "as_expression"
            | "satisfies_expression"
            | "non_null_expression"
            | "type_assertion" => {}
            "binary_expression" => {
                let op = field(pn, "operator").map(|o| text(o, src)).unwrap_or("");
                if !matches!(op, "??" | "||") || !is_field(pn, "right", cn) {
                    return None;
                }
            }
            "ternary_expression" if !is_field(pn, "condition", cn) => {}
            "variable_declarator" => {
                if !is_field(pn, "value", cn) {
                    return None;
                }
                let name = field(pn, "name")?;
                return match name.kind_name() {
                    "identifier" => Some(text(name, src).to_string()),
                    _ => pattern_leaf(name, src),
                };
            }
            // A class field: `pool = new Pool();` is `this.pool`.
            "public_field_definition" => {
                if !is_field(pn, "value", cn) {
                    return None;
                }
                return Some(format!("this.{}", key_name(field(pn, "name")?, src)?));
            }
            // A property of a local object, a hand-made ref: `const frame = { current:
            // requestAnimationFrame(tick) }` is held as `frame.current`.
            "pair" => {
                if !is_field(pn, "value", cn) {
                    return None;
                }
                let key = key_name(field(pn, "key")?, src)?;
                let obj = p.up().filter(|o| o.node.kind_name() == "object")?;
                let decl = obj
                    .up()
                    .filter(|d| d.node.kind_name() == "variable_declarator")?;
                let name = field(decl.node, "name").filter(|n| n.kind_name() == "identifier")?;
                return is_field(decl.node, "value", obj.node)
                    .then(|| format!("{}.{key}", text(name, src)));
            }
            "assignment_expression" | "augmented_assignment_expression" => {
                if !is_field(pn, "right", cn) {
                    return None;
                }
                let left = unwrap_value(field(pn, "left")?);
                return match left.kind_name() {
                    "identifier" | "member_expression" | "subscript_expression" => {
                        Some(canon(text(left, src)))
                    }
                    _ => pattern_leaf(left, src),
                };
            }
            _ => return None,
        }
        cur = p;
    }
    None
}

/// `call` runs the callback it is given once (see [`RUN_ONCE_CALLERS`]).
pub(super) fn runs_once(call: Node, src: &str) -> bool {
    let Some(callee) = field(call, "function").map(unwrap_value) else {
        // `new ResizeObserver(cb)`: kept; `new Promise(executor)` is an IIFE.
        return false;
    };
    let name = match callee.kind_name() {
        "identifier" => text(callee, src),
        "member_expression" => field(callee, "property")
            .map(|p| text(p, src))
            .unwrap_or(""),
        _ => return false,
    };
    RUN_ONCE_CALLERS.contains(&name)
}

/// Is `name` referenced under `root` (outside the `skip` nodes) and does `ok` hold for every
/// such reference? Stops at the first that fails.
pub(super) fn every_reference<'t>(
    root: Node<'t>,
    src: &str,
    name: &str,
    skip: &[Node<'t>],
    mut ok: impl FnMut(At<'_, 't>) -> bool,
) -> bool {
    let mut refs = 0;
    let mut all = true;
    traverse(root, |r, entering| {
        let n = r.node;
        if !entering
            || !all
            || n.kind_name() != "identifier"
            || text(n, src) != name
            || skip
                .iter()
                .any(|s| s.byte_range().contains(&n.start_byte()))
        {
            return;
        }
        refs += 1;
        all = ok(r);
    });
    refs > 0 && all
}

/// The name a function is bound to, with the node that binds it: `const f = () => …`
/// (also `const f = cond ? g : () => …`), `function f() {}`, `x.onload = () => …` (the
/// property's name).
pub(super) fn bound_fn_name<'t>(f: At<'_, 't>, src: &str) -> Option<(String, Node<'t>)> {
    if f.node.kind_name() == "function_declaration" {
        return Some((text(field(f.node, "name")?, src).to_string(), f.node));
    }
    let mut cur = f;
    while let Some(p) = cur.up() {
        let (pn, cn) = (p.node, cur.node);
        match pn.kind_name() {
            "parenthesized_expression" | "as_expression" | "satisfies_expression" => {}
            "ternary_expression" if !is_field(pn, "condition", cn) => {}
            "binary_expression" if is_field(pn, "right", cn) => {}
            "variable_declarator" => {
                let name = field(pn, "name").filter(|n| n.kind_name() == "identifier")?;
                return is_field(pn, "value", cn).then(|| (text(name, src).to_string(), pn));
            }
            "assignment_expression" if is_field(pn, "right", cn) => {
                let left = unwrap_value(field(pn, "left")?);
                let name = match left.kind_name() {
                    "identifier" => left,
                    "member_expression" => field(left, "property")?,
                    _ => return None,
                };
                return Some((text(name, src).to_string(), pn));
            }
            _ => return None,
        }
        cur = p;
    }
    None
}

/// The statement holding a node, as a position (see [`statement_of`]).
pub(super) fn statement_at<'p, 't>(n: At<'p, 't>) -> Option<At<'p, 't>> {
    let mut cur = n;
    while let Some(p) = cur.up() {
        let k = p.node.kind_name();
        if k.ends_with("_statement") || k == "lexical_declaration" || k == "variable_declaration" {
            if let Some(e) = p.up().filter(|e| e.node.kind_name() == "export_statement") {
                return Some(e);
            }
            return Some(p);
        }
        if is_fn_kind(k) || k == "program" {
            return None;
        }
        cur = p;
    }
    None
}

/// The variable a function is memoized into with `useCallback` (`const cancel =
/// useCallback(() => …, deps)` or `React.useCallback`): `cancel`.
/// (From the walk's ancestors: `Node::parent` descends from the root.)
fn use_callback_name(at: At, src: &str) -> Option<String> {
    let f = at.node;
    let args = at.up()?;
    let call = args.up()?;
    let decl = call.up()?.node;
    let (args, call) = (args.node, call.node);
    if args.kind_name() != "arguments" || call.kind_name() != "call_expression" {
        return None;
    }
    if args.named_child(0).map(|a| a.id()) != Some(f.id()) {
        return None;
    }
    let callee = callee_name(field(call, "function")?, src)?;
    if callee != "useCallback" || decl.kind_name() != "variable_declarator" {
        return None;
    }
    let name = field(decl, "name").filter(|n| n.kind_name() == "identifier")?;
    Some(text(name, src).to_string())
}

impl<'a, 't> Walker<'a, 't> {
    /// `recv.then((p) => …)`: the callback, its parameter's name and the promise, so that a
    /// cleanup's `handle.then((h) => h.remove())` reads as `handle.remove()` (Capacitor's
    /// `addListener` returns a promise of its handle). Returns the callback and `subst`
    /// extended with its parameter standing for the promise.
    pub(super) fn promise_then(
        &self,
        n: Node<'t>,
        subst: &HashMap<String, String>,
    ) -> Option<(Node<'t>, HashMap<String, String>)> {
        let callee = field(n, "function").map(unwrap_value)?;
        if callee.kind_name() != "member_expression"
            || field(callee, "property").map(|p| text(p, self.src)) != Some("then")
        {
            return None;
        }
        let recv = field(callee, "object")?;
        let cb = call_args(n).first().map(|c| unwrap_value(*c))?;
        if !matches!(cb.kind_name(), "arrow_function" | "function_expression") {
            return None;
        }
        let param = field(cb, "parameter").or_else(|| {
            field(cb, "parameters").and_then(|ps| {
                named_kids(ps)
                    .first()
                    .and_then(|k| field(*k, "pattern").or(Some(*k)))
            })
        })?;
        if param.kind_name() != "identifier" {
            return None;
        }
        let mut inner = subst.clone();
        inner.insert(
            text(param, self.src).to_string(),
            substitute(&self.ctext(recv), subst),
        );
        Some((cb, inner))
    }
}

impl<'a, 't> Walker<'a, 't> {
    /// What helper `h`'s parameters stand for at `call`: each parameter's name, mapped to the
    /// argument's text (itself through `subst`, the caller's own mapping).
    pub(super) fn call_subst(
        &self,
        h: Node<'t>,
        call: Node<'t>,
        subst: &HashMap<String, String>,
    ) -> HashMap<String, String> {
        let mut params = Vec::new();
        for p in [field(h, "parameters"), field(h, "parameter")]
            .into_iter()
            .flatten()
        {
            if p.kind_name() == "identifier" {
                params.push(Some(text(p, self.src).to_string()));
                continue;
            }
            for k in named_kids(p) {
                let pat = match k.kind_name() {
                    "required_parameter" | "optional_parameter" => field(k, "pattern"),
                    _ => Some(k),
                };
                params.push(
                    pat.filter(|x| x.kind_name() == "identifier")
                        .map(|x| text(x, self.src).to_string()),
                );
            }
        }
        let mut inner = HashMap::default();
        for (p, arg) in params.into_iter().zip(call_args(call)) {
            if let Some(p) = p {
                inner.insert(p, substitute(&self.ctext(arg), subst));
            }
        }
        inner
    }
}

/// Does one of the effect's cleanups call a method on `path` (`wsRef.current?.close()`,
/// `wsRef.current.close()`)?
pub(super) fn cleanup_calls_on(parts: &EffectParts<'_>, path: &str, src: &str) -> bool {
    let (dot, optional) = (format!("{path}."), format!("{path}?."));
    parts.cleanup_fns.iter().any(|f| {
        let t = text(*f, src);
        t.contains(dot.as_str()) || t.contains(optional.as_str())
    })
}

/// Does the observable `receiver` (canonical text) complete by itself: built by one of the
/// pair's `completing_calls` at the start of its chain (`fetchQuery<Q>(query, vars)`), or piped
/// through one of its `completing_operators` (`source$.pipe(take(1))`)?
pub(super) fn completes_by_itself(pair: &crate::catalog::EffectPairDef, receiver: &str) -> bool {
    let head_end = receiver
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .unwrap_or(receiver.len());
    let (head, rest) = receiver.split_at(head_end);
    let called = rest.starts_with('(') || rest.starts_with('<');
    if called && pair.completing_calls.iter().any(|c| c == head) {
        return true;
    }
    let compact: String = receiver.chars().filter(|c| !c.is_whitespace()).collect();
    compact.match_indices(".pipe(").any(|(i, _)| {
        let piped = &compact[i..];
        pair.completing_operators
            .iter()
            .any(|op| piped.contains(op.as_str()))
    })
}

/// Is a one-shot timer's callback cancelled by a flag the cleanup sets: the callback (inline,
/// or a local function of the effect's bodies named as the argument) starts with `if (flag)
/// return` (or `if (!flag) return`), and a cleanup function assigns `flag`
/// (`let cancelled = false; const attempt = () => { if (cancelled) return; … };
/// setTimeout(attempt, 0); return () => { cancelled = true }`)? The timer then fires into
/// nothing. Or by the unmount itself: `if (!box.current) return` on an element ref.
pub(super) fn cancelled_by_flag(parts: &EffectParts<'_>, call: Node, src: &str) -> bool {
    let Some(arg) = call_args(call).first().map(|a| unwrap_value(*a)) else {
        return false;
    };
    let callback = if is_fn_kind(arg.kind_name()) {
        Some(arg)
    } else if arg.kind_name() == "identifier" {
        let name = text(arg, src);
        let mut found = None;
        for b in &parts.bodies {
            traverse(*b, |a, entering| {
                let n = a.node;
                if entering
                    && found.is_none()
                    && n.kind_name() == "variable_declarator"
                    && field(n, "name").is_some_and(|x| text(x, src) == name)
                    && let Some(v) = field(n, "value").map(unwrap_value)
                    && is_fn_kind(v.kind_name())
                {
                    found = Some(v);
                }
            });
        }
        found
    } else {
        None
    };
    let Some(body) = callback.and_then(|f| field(f, "body")) else {
        return false;
    };
    let Some(first) = named_kids(body).into_iter().next() else {
        return false;
    };
    if first.kind_name() != "if_statement" {
        return false;
    }
    let returns = field(first, "consequence").is_some_and(|c| {
        c.kind_name() == "return_statement"
            || (c.kind_name() == "statement_block"
                && named_kids(c).len() == 1
                && named_kids(c)[0].kind_name() == "return_statement")
    });
    let Some(mut cond) = field(first, "condition").map(unwrap_value) else {
        return false;
    };
    let mut negated = false;
    if cond.kind_name() == "unary_expression" {
        match field(cond, "argument").map(unwrap_value) {
            Some(a) => (cond, negated) = (a, true),
            None => return false,
        }
    }
    if !returns {
        return false;
    }
    // `if (!box.current) return`, `box` an element ref of the component (`ref={box}`): React
    // empties it when the element unmounts, so a re-armed frame or timer stops then (a
    // measuring loop: `const check = () => { if (!box.current) return; …;
    // requestAnimationFrame(check) }`).
    if negated
        && cond.kind_name() == "member_expression"
        && field(cond, "property").is_some_and(|p| text(p, src) == "current")
        && let Some(r) = field(cond, "object").filter(|o| o.kind_name() == "identifier")
    {
        let attached = format!("ref={{{}}}", text(r, src));
        return src.contains(&attached);
    }
    if cond.kind_name() != "identifier" {
        return false;
    }
    let flag = text(cond, src);
    parts.cleanup_fns.iter().any(|f| {
        let mut hit = false;
        traverse(*f, |a, entering| {
            let n = a.node;
            if entering
                && n.kind_name() == "assignment_expression"
                && field(n, "left").is_some_and(|l| text(l, src) == flag)
            {
                hit = true;
            }
        });
        hit
    })
}

/// What a local of the function around `call` stands for, when `object` is one declared from a
/// path (`const el = ref.current; … el.removeEventListener(…)` → `ref.current`).
pub(super) fn local_alias<'t>(object: Node<'t>, call: Node<'t>, src: &str) -> Option<Node<'t>> {
    if object.kind_name() != "identifier" {
        return None;
    }
    let name = text(object, src);
    let mut f = call.parent();
    for _ in 0..12 {
        let p = f?;
        if is_fn_kind(p.kind_name()) {
            break;
        }
        f = p.parent();
    }
    let body = field(f?, "body")?;
    let mut found = None;
    traverse(body, |a, entering| {
        let d = a.node;
        if !entering || found.is_some() || d.kind_name() != "variable_declarator" {
            return;
        }
        if field(d, "name").is_some_and(|n| text(n, src) == name)
            && let Some(v) = field(d, "value").map(unwrap_value)
            && v.kind_name() == "member_expression"
        {
            found = Some(v);
        }
    });
    found
}
