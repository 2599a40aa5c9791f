//! Reading values: environment tests (production-only branches), bindings, option objects,
//! connection URLs and numeric pool settings.

use super::*;

impl<'a, 't> Walker<'a, 't> {
    // -------------------------------------------------------------------- production only

    /// `process.env.NODE_ENV === "production"` and friends: which branch runs in production
    /// only. `None`: not an environment test.
    pub(super) fn env_test(&self, n: Node, depth: u8) -> Option<EnvTest> {
        if depth > 6 {
            return None;
        }
        let src = self.src;
        let n = unwrap_value(n);
        match n.kind_name() {
            "binary_expression" => {
                let op = field(n, "operator").map(|o| text(o, src)).unwrap_or("");
                let (l, r) = (field(n, "left")?, field(n, "right")?);
                match op {
                    "===" | "==" | "!==" | "!=" => {
                        let is_env = |x: Node| {
                            let x = unwrap_value(x);
                            matches!(x.kind_name(), "member_expression" | "subscript_expression")
                                && x.byte_range().len() < 64
                                && matches!(
                                    canon(text(x, src)).as_str(),
                                    "process.env.NODE_ENV" | "process.env[\"NODE_ENV\"]"
                                )
                        };
                        let value = if is_env(l) {
                            string_value(unwrap_value(r), src)
                        } else if is_env(r) {
                            string_value(unwrap_value(l), src)
                        } else {
                            None
                        }?;
                        let prod = match value {
                            "production" => true,
                            "development" => false,
                            _ => return None,
                        };
                        let eq = op.starts_with('=');
                        Some(if eq == prod {
                            (true, false)
                        } else {
                            (false, true)
                        })
                    }
                    "&&" => {
                        let a = self.env_test(l, depth + 1);
                        let b = self.env_test(r, depth + 1);
                        if a.is_none() && b.is_none() {
                            return None;
                        }
                        let c = a.is_some_and(|x| x.0) || b.is_some_and(|x| x.0);
                        Some((c, false))
                    }
                    "||" => {
                        let a = self.env_test(l, depth + 1);
                        let b = self.env_test(r, depth + 1);
                        if a.is_none() && b.is_none() {
                            return None;
                        }
                        let c = a.is_some_and(|x| x.0) && b.is_some_and(|x| x.0);
                        let alt = a.is_some_and(|x| x.1) || b.is_some_and(|x| x.1);
                        Some((c, alt))
                    }
                    _ => None,
                }
            }
            "unary_expression" => {
                let op = field(n, "operator").map(|o| text(o, src)).unwrap_or("");
                if op != "!" {
                    return None;
                }
                let (c, alt) = self.env_test(field(n, "argument")?, depth + 1)?;
                Some((alt, c))
            }
            "identifier" => self.env_flags.get(text(n, src)).copied(),
            "member_expression" => match canon(text(n, src)).as_str() {
                "import.meta.env.PROD" => Some((true, false)),
                "import.meta.env.DEV" => Some((false, true)),
                _ => None,
            },
            _ => None,
        }
    }

    /// `if` / `?:` on an environment test: record the branch that only runs in production.
    pub(super) fn env_branch(&mut self, n: Node<'t>) {
        let Some(cond) = field(n, "condition") else {
            return;
        };
        let Some((c, alt)) = self.env_test(cond, 0) else {
            return;
        };
        if c && let Some(x) = field(n, "consequence") {
            self.facts.production_only.push(span(x));
        }
        if alt && let Some(x) = field(n, "alternative") {
            let x = if x.kind_name() == "else_clause" {
                first_named(x).unwrap_or(x)
            } else {
                x
            };
            self.facts.production_only.push(span(x));
        }
    }
}

// ------------------------------------------------------------------------------------------
// Configuration: options, connection URLs and imports
//
// Read at each construction, over its own arguments: object literals (or names bound to one)
// in any position are flattened into dotted keys; values are evaluated when they are literals
// or names bound to literals; URLs are followed through names to a literal or an environment
// variable.

/// What a name is bound to, for following values.
#[derive(Debug, Clone, Copy)]
pub(super) enum Bound<'t> {
    /// `const x = value`
    Value(Node<'t>),
    /// `const { key: x } = object` (also `const { x } = object`): the object and the key node.
    Field(Node<'t>, Node<'t>),
}

/// The names a declaration binds to values: `x = v` → `x`; `{ a, b: c } = v` → `a` (`v.a`) and
/// `c` (`v.b`). Nested patterns and rest elements bind nothing followable.
pub(super) fn bindings_of<'t>(
    name: Node<'t>,
    value: Node<'t>,
    src: &str,
    mut f: impl FnMut(&str, Bound<'t>),
) {
    match name.kind_name() {
        "identifier" => f(text(name, src), Bound::Value(value)),
        "object_pattern" => {
            for p in named_kids(name) {
                match p.kind_name() {
                    "shorthand_property_identifier_pattern" => {
                        f(text(p, src), Bound::Field(value, p));
                    }
                    "object_assignment_pattern" => {
                        if let Some(l) = field(p, "left").or_else(|| first_named(p))
                            && l.kind_name() == "shorthand_property_identifier_pattern"
                        {
                            f(text(l, src), Bound::Field(value, l));
                        }
                    }
                    "pair_pattern" => {
                        let (Some(key), Some(mut v)) = (field(p, "key"), field(p, "value")) else {
                            continue;
                        };
                        if v.kind_name() == "assignment_pattern"
                            && let Some(l) = field(v, "left")
                        {
                            v = l;
                        }
                        if v.kind_name() == "identifier" {
                            f(text(v, src), Bound::Field(value, key));
                        }
                    }
                    _ => {}
                }
            }
        }
        _ => {}
    }
}

/// The name of a key node (a property key, or a shorthand pattern).
pub(super) fn bound_key<'s>(key: Node, src: &'s str) -> Option<&'s str> {
    match key.kind_name() {
        "shorthand_property_identifier_pattern" | "shorthand_property_identifier" => {
            Some(text(key, src))
        }
        _ => key_name(key, src),
    }
}

/// A JS integer literal (`20`, `20_000`, `0x10`, `10n`); `None` for fractions and exponents.
pub(super) fn parse_js_int(t: &str) -> Option<i64> {
    let t: String = t.chars().filter(|c| *c != '_').collect();
    let l = t.to_ascii_lowercase();
    let l = l.strip_suffix('n').unwrap_or(&l);
    if let Some(h) = l.strip_prefix("0x") {
        i64::from_str_radix(h, 16).ok()
    } else if let Some(o) = l.strip_prefix("0o") {
        i64::from_str_radix(o, 8).ok()
    } else if let Some(b) = l.strip_prefix("0b") {
        i64::from_str_radix(b, 2).ok()
    } else {
        l.parse().ok()
    }
}

/// A string literal's or substitution-free template literal's text and its span without the
/// quotes.
pub(super) fn literal_text<'s>(n: Node, src: &'s str) -> Option<(&'s str, Span)> {
    match n.kind_name() {
        "string" => {}
        "template_string" => {
            if named_kids(n)
                .iter()
                .any(|k| k.kind_name() == "template_substitution")
            {
                return None;
            }
        }
        _ => return None,
    }
    let (start, end) = (n.start_byte() + 1, n.end_byte().saturating_sub(1));
    if end < start {
        return None;
    }
    Some((src.get(start..end)?, Span::new(start, end)))
}

/// `DATABASE_URL`, `MONGO_URI`, `PG_DSN`: a variable that reads like a URL.
pub(super) fn url_like_var(name: &str) -> bool {
    let u = name.to_ascii_uppercase();
    u.contains("URL") || u.contains("URI") || u.contains("DSN")
}

/// `API_KEY`, `STREAM_SECRET`, `AUTH_TOKEN`: a variable that is surely not a URL.
pub(super) fn secret_like_var(name: &str) -> bool {
    let u = name.to_ascii_uppercase();
    ["KEY", "SECRET", "TOKEN", "PASSWORD", "USER", "NAME"]
        .iter()
        .any(|w| u.contains(w))
}

/// `DATABASE_URL`, `REDIS_HOST_2`: an environment variable's name.
pub(super) fn env_name_like(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
        && name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

/// The words of an identifier, lower-cased: `streamChatManager` → `stream`, `chat`, `manager`.
pub(super) fn name_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if c == '_' || c == '$' || c.is_ascii_digit() {
            if !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && prev_lower && !cur.is_empty() {
            words.push(std::mem::take(&mut cur));
        }
        prev_lower = c.is_ascii_lowercase();
        cur.push(c.to_ascii_lowercase());
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words
}

/// `streamChatManager`, `ChatService`: the name of a project's wrapper object.
pub(super) fn is_wrapper_name(name: &str) -> bool {
    name_words(name)
        .last()
        .is_some_and(|w| WRAPPER_NOUNS.contains(&w.as_str()))
}

/// A project module that exports the validated environment (t3-env's `@/env`, `~/env.mjs`,
/// `./env/server`).
pub(super) fn is_env_module(spec: &str) -> bool {
    spec.split('/').any(|seg| {
        let stem = seg.split('.').next().unwrap_or(seg);
        stem == "env"
    })
}

impl<'a, 't> Walker<'a, 't> {
    /// What a name is bound to where it is used: a local of the open functions, else a
    /// module-level binding. `None` for a parameter, a reassigned name or an unknown one.
    pub(super) fn bound(&self, name: &str) -> Option<Bound<'t>> {
        if self.pre.assigned.contains(name) {
            return None;
        }
        if let Some((_, _, b)) = self.bindings.iter().rev().find(|(_, n, _)| n == name) {
            return Some(*b);
        }
        if self.is_local(name) {
            return None;
        }
        self.pre.consts.get(name).copied()
    }

    /// The object literal a value is, or is bound to (`const opts = { … }`, `config.pool`).
    pub(super) fn object_of(&self, n: Node<'t>, depth: u8) -> Option<Node<'t>> {
        if depth > MAX_FOLLOW {
            return None;
        }
        let n = unwrap_value(n);
        match n.kind_name() {
            "object" => Some(n),
            "identifier" | "shorthand_property_identifier" => {
                let v = self.bound_node(text(n, self.src), depth)?;
                self.object_of(v, depth + 1)
            }
            "member_expression" | "subscript_expression" => {
                let v = self.member_value(n, depth)?;
                self.object_of(v, depth + 1)
            }
            _ => None,
        }
    }

    /// The value node a name is bound to (through destructuring of a known object).
    pub(super) fn bound_node(&self, name: &str, depth: u8) -> Option<Node<'t>> {
        match self.bound(name)? {
            Bound::Value(v) => Some(v),
            Bound::Field(obj, key) => {
                let key = bound_key(key, self.src)?;
                self.property_value(obj, key, depth + 1)
            }
        }
    }

    /// `obj.key` where `obj` is (bound to) an object literal: the property's value node (a
    /// shorthand property stands for its own name).
    pub(super) fn property_value(&self, obj: Node<'t>, key: &str, depth: u8) -> Option<Node<'t>> {
        let src = self.src;
        let o = self.object_of(obj, depth + 1)?;
        let mut found = None;
        for k in named_kids(o) {
            match k.kind_name() {
                "pair" if field(k, "key").and_then(|x| key_name(x, src)) == Some(key) => {
                    found = field(k, "value");
                }
                "shorthand_property_identifier" if text(k, src) == key => found = Some(k),
                _ => {}
            }
        }
        found
    }

    /// `config.pool.max`, `config["max"]` on an object literal: the value node.
    pub(super) fn member_value(&self, n: Node<'t>, depth: u8) -> Option<Node<'t>> {
        let src = self.src;
        let obj = field(n, "object")?;
        let key = match n.kind_name() {
            "member_expression" => text(field(n, "property")?, src),
            _ => string_value(unwrap_value(field(n, "index")?), src)?,
        };
        self.property_value(obj, key, depth + 1)
    }

    /// An object holding environment variables: `process.env`, `import.meta.env`, `Bun.env`,
    /// the `env` of a t3-env module or of SvelteKit's `$env/dynamic/*`, a local bound to one of
    /// those, or a parameter named `env` (Cloudflare Workers' bindings).
    pub(super) fn is_env_object(&self, n: Node<'t>, depth: u8) -> bool {
        if depth > MAX_FOLLOW {
            return false;
        }
        let src = self.src;
        let n = unwrap_value(n);
        match n.kind_name() {
            "member_expression" => {
                n.byte_range().len() < 48
                    && matches!(
                        canon(text(n, src)).as_str(),
                        "process.env" | "import.meta.env" | "Bun.env" | "globalThis.process.env"
                    )
            }
            "identifier" => {
                let name = text(n, src);
                if let Some(imp) = self.pre.imports.get(name)
                    && !self.is_local(name)
                {
                    return (imp.local.is_some() && is_env_module(&imp.module))
                        || imp.module.starts_with("$env/dynamic/");
                }
                match self.bound(name) {
                    Some(Bound::Value(v)) => self.is_env_object(v, depth + 1),
                    Some(Bound::Field(..)) => false,
                    None => name == "env" && self.is_local(name),
                }
            }
            _ => false,
        }
    }

    /// The environment variable a value reads: `process.env.X`, `process.env["X"]`,
    /// `import.meta.env.X`, `env.X` (t3-env), `Deno.env.get("X")`, `getEnv("X")`, a SvelteKit
    /// `$env/static/*` import, `const { X } = process.env`, or a name bound to one of those.
    pub(super) fn env_var(&self, n: Node<'t>, depth: u8) -> Option<String> {
        if depth > MAX_FOLLOW {
            return None;
        }
        let src = self.src;
        let n = unwrap_value(n);
        match n.kind_name() {
            "member_expression" => {
                let obj = field(n, "object")?;
                let prop = text(field(n, "property")?, src);
                self.is_env_object(obj, depth + 1).then(|| prop.to_string())
            }
            "subscript_expression" => {
                let obj = field(n, "object")?;
                let key = string_value(unwrap_value(field(n, "index")?), src)?;
                self.is_env_object(obj, depth + 1).then(|| key.to_string())
            }
            "identifier" | "shorthand_property_identifier" => {
                let name = text(n, src);
                if let Some(imp) = self.pre.imports.get(name)
                    && !self.is_local(name)
                    && imp.module.starts_with("$env/static/")
                {
                    return Some(imp.path.clone());
                }
                match self.bound(name)? {
                    Bound::Value(v) => self.env_var(v, depth + 1),
                    Bound::Field(obj, key) => {
                        let key = bound_key(key, src)?;
                        if self.is_env_object(obj, depth + 1) {
                            Some(key.to_string())
                        } else {
                            let v = self.property_value(obj, key, depth + 1)?;
                            self.env_var(v, depth + 1)
                        }
                    }
                }
            }
            "call_expression" => {
                let callee = unwrap_value(field(n, "function")?);
                let args = call_args(n);
                let first = string_value(unwrap_value(*args.first()?), src)?;
                let getter = match callee.kind_name() {
                    "member_expression" => canon(text(callee, src)) == "Deno.env.get",
                    "identifier" => {
                        let name = text(callee, src);
                        name_words(name).iter().any(|w| w == "env") && env_name_like(first)
                    }
                    _ => false,
                };
                getter.then(|| first.to_string())
            }
            _ => None,
        }
    }

    /// An option's value: literals, names bound to literals (module constants, locals),
    /// `Number(x)` / `parseInt(x)` of those; names connlint does not evaluate stay names; env
    /// lookups, calls and arithmetic are unknown.
    pub(super) fn eval_opt(&self, n: Node<'t>, depth: u8) -> OptValue {
        if depth > MAX_FOLLOW {
            return OptValue::Unknown;
        }
        let src = self.src;
        let n = unwrap_value(n);
        match n.kind_name() {
            "number" => parse_js_int(text(n, src)).map_or(OptValue::Unknown, OptValue::Int),
            "unary_expression" => {
                let op = field(n, "operator").map(|o| text(o, src)).unwrap_or("");
                match (
                    op,
                    field(n, "argument").map(|a| self.eval_opt(a, depth + 1)),
                ) {
                    ("-", Some(OptValue::Int(v))) => OptValue::Int(-v),
                    ("+", Some(OptValue::Int(v))) => OptValue::Int(v),
                    _ => OptValue::Unknown,
                }
            }
            // `max: isProduction ? 100 : 50`: the larger is what some deployment opens.
            "ternary_expression" => match (
                field(n, "consequence").map(|c| self.eval_opt(c, depth + 1)),
                field(n, "alternative").map(|a| self.eval_opt(a, depth + 1)),
            ) {
                (Some(OptValue::Int(a)), Some(OptValue::Int(b))) => OptValue::Int(a.max(b)),
                _ => OptValue::Unknown,
            },
            "string" | "template_string" => literal_text(n, src)
                .map_or(OptValue::Unknown, |(t, _)| OptValue::Str(t.to_string())),
            "true" => OptValue::Bool(true),
            "false" => OptValue::Bool(false),
            "null" | "undefined" => OptValue::Null,
            "identifier" | "shorthand_property_identifier" => {
                let name = text(n, src);
                if name == "undefined" {
                    return OptValue::Null;
                }
                if let Some(v) = self.bound_node(name, depth) {
                    return self.eval_opt(v, depth + 1);
                }
                let known = !self.is_local(name)
                    && (self.pre.imports.contains_key(name)
                        || self.pre.module_vars.contains(name)
                        || is_pascal(name));
                if known && self.env_var(n, depth + 1).is_none() {
                    OptValue::Name(name.to_string())
                } else {
                    OptValue::Unknown
                }
            }
            "member_expression" | "subscript_expression" => {
                if self.env_var(n, depth + 1).is_some() {
                    return OptValue::Unknown;
                }
                if let Some(v) = self.member_value(n, depth) {
                    return self.eval_opt(v, depth + 1);
                }
                match dotted_path(n, src) {
                    Some(path) => {
                        let root = path.split('.').next().unwrap_or("");
                        let known = !self.is_local(root)
                            && (self.pre.imports.contains_key(root) || is_pascal(root));
                        if known {
                            OptValue::Name(path)
                        } else {
                            OptValue::Unknown
                        }
                    }
                    None => OptValue::Unknown,
                }
            }
            "call_expression" => {
                let callee = field(n, "function").map(|c| text(unwrap_value(c), src));
                let Some(first) = call_args(n).first().copied() else {
                    return OptValue::Unknown;
                };
                if !matches!(
                    callee,
                    Some("Number" | "parseInt" | "Number.parseInt" | "Math.floor")
                ) {
                    return OptValue::Unknown;
                }
                match self.eval_opt(first, depth + 1) {
                    OptValue::Int(v) => OptValue::Int(v),
                    OptValue::Str(s) => s
                        .trim()
                        .parse::<i64>()
                        .map_or(OptValue::Unknown, OptValue::Int),
                    _ => OptValue::Unknown,
                }
            }
            _ => OptValue::Unknown,
        }
    }

    /// Where a URL value comes from: a string literal holding `://`, an environment variable,
    /// or a name bound to one of those; `a ?? b` / `a || b` take the first that is known, a
    /// template that is only `${x}` is `x`. Anything else gives nothing.
    pub(super) fn url_of(&self, n: Node<'t>, depth: u8) -> Option<UrlRef> {
        if depth > MAX_FOLLOW {
            return None;
        }
        let src = self.src;
        let n = unwrap_value(n);
        if let Some(name) = self.env_var(n, depth + 1) {
            return Some(UrlRef::Env {
                name,
                span: span(n),
                fallback: None,
            });
        }
        match n.kind_name() {
            "string" | "template_string" => {
                if let Some((t, sp)) = literal_text(n, src) {
                    return t.contains("://").then(|| UrlRef::Literal {
                        text: t.to_string(),
                        span: sp,
                    });
                }
                // `${process.env.DATABASE_URL}` and nothing else.
                let kids = named_kids(n);
                match kids.as_slice() {
                    [one] if one.kind_name() == "template_substitution" => {
                        self.url_of(first_named(*one)?, depth + 1)
                    }
                    _ => written_url(n, src),
                }
            }
            "binary_expression" => {
                let op = field(n, "operator").map(|o| text(o, src)).unwrap_or("");
                if op == "+" {
                    return written_url(n, src);
                }
                if !matches!(op, "??" | "||") {
                    return None;
                }
                let left = field(n, "left").and_then(|l| self.url_of(l, depth + 1));
                let right = || field(n, "right").and_then(|r| self.url_of(r, depth + 1));
                match left {
                    // `process.env.DATABASE_URL ?? "postgres://…"`: the URL when it is unset
                    Some(UrlRef::Env {
                        name,
                        span,
                        fallback: None,
                    }) => Some(UrlRef::Env {
                        fallback: right().and_then(|r| match r {
                            UrlRef::Literal { text, span } => Some((text, span)),
                            UrlRef::Env { .. } => None,
                        }),
                        name,
                        span,
                    }),
                    Some(u) => Some(u),
                    None => right(),
                }
            }
            "identifier" | "shorthand_property_identifier" => {
                let v = self.bound_node(text(n, src), depth)?;
                self.url_of(v, depth + 1)
            }
            "member_expression" | "subscript_expression" => {
                let v = self.member_value(n, depth)?;
                self.url_of(v, depth + 1)
            }
            "call_expression" => {
                // `String(url)`, `url.toString()`, `url.trim()`
                let callee = unwrap_value(field(n, "function")?);
                match callee.kind_name() {
                    "identifier" if text(callee, src) == "String" => {
                        self.url_of(*call_args(n).first()?, depth + 1)
                    }
                    "member_expression"
                        if field(callee, "property")
                            .is_some_and(|p| matches!(text(p, src), "toString" | "trim")) =>
                    {
                        self.url_of(field(callee, "object")?, depth + 1)
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The properties of an options object, nested objects flattened with `.`: (key, value
    /// node). A spread of a known object (`...base`) adds its properties; computed keys and
    /// methods are skipped.
    pub(super) fn flatten(
        &self,
        obj: Node<'t>,
        prefix: &str,
        out: &mut Vec<(String, Node<'t>)>,
        nesting: u8,
    ) {
        let src = self.src;
        for k in named_kids(obj) {
            let (key, value) = match k.kind_name() {
                "pair" => {
                    let (Some(key), Some(value)) = (
                        field(k, "key").and_then(|x| key_name(x, src)),
                        field(k, "value"),
                    ) else {
                        continue;
                    };
                    (key, value)
                }
                "shorthand_property_identifier" => (text(k, src), k),
                "spread_element" => {
                    if nesting < MAX_NESTING
                        && let Some(inner) = first_named(k).and_then(|x| self.object_of(x, 0))
                    {
                        self.flatten(inner, prefix, out, nesting + 1);
                    }
                    continue;
                }
                _ => continue,
            };
            let full = if prefix.is_empty() {
                key.to_string()
            } else {
                format!("{prefix}.{key}")
            };
            match self.object_of(value, 0) {
                Some(inner) if nesting < MAX_NESTING => {
                    self.flatten(inner, &full, out, nesting + 1)
                }
                _ => out.push((full, value)),
            }
        }
    }

    /// The options and URL written at construction `call` (client `client` of the file).
    /// Does an object literal among the call's arguments have one of `keys` as a property or a
    /// method (`{ accessToken() { … } }`, `{ accessToken }`)?
    pub(super) fn passes_option(&self, call: Node<'t>, keys: &[String]) -> bool {
        call_args(call).iter().any(|a| {
            let a = unwrap_value(*a);
            a.kind_name() == "object"
                && named_kids(a).into_iter().any(|p| {
                    let key = match p.kind_name() {
                        "pair" | "method_definition" => {
                            field(p, "key").or_else(|| field(p, "name"))
                        }
                        "shorthand_property_identifier" => Some(p),
                        _ => None,
                    };
                    key.is_some_and(|k| {
                        let t = text(k, self.src).trim_matches(|c| c == '"' || c == '\'');
                        keys.iter().any(|x| x == t)
                    })
                })
        })
    }

    /// Does `call` hand, under option `key`, a value that is not an options object: a client
    /// held in a variable or a field (`{ connection }`, `{ connection: this.redis }`)?
    pub(super) fn borrowed_option(&self, call: Node<'t>, key: &str) -> bool {
        call_args(call).iter().any(|a| {
            let a = unwrap_value(*a);
            a.kind_name() == "object"
                && named_kids(a).into_iter().any(|p| {
                    let (k, v) = match p.kind_name() {
                        "pair" => match (field(p, "key"), field(p, "value")) {
                            (Some(k), Some(v)) => (k, unwrap_value(v)),
                            _ => return false,
                        },
                        "shorthand_property_identifier" => (p, p),
                        _ => return false,
                    };
                    text(k, self.src).trim_matches(|c| c == '"' || c == '\'') == key
                        && match v.kind_name() {
                            "identifier" | "shorthand_property_identifier" => {
                                self.object_of(v, 0).is_none()
                            }
                            "member_expression" => text(v, self.src).starts_with("this."),
                            _ => false,
                        }
                })
        })
    }

    pub(super) fn client_config(
        &self,
        client: usize,
        call: Node<'t>,
        def: &ClientDef,
    ) -> Option<ClientConfig> {
        let args = call_args(call);
        let mut entries: Vec<(String, Node<'t>)> = Vec::new();
        for a in &args {
            if let Some(obj) = self.object_of(*a, 0) {
                self.flatten(obj, "", &mut entries, 0);
            }
        }
        // A later property wins over an earlier one of the same key (`{ ...base, max: 5 }`).
        let mut seen: HashSet<String> = HashSet::default();
        entries.reverse();
        entries.retain(|(k, _)| seen.insert(k.clone()));
        entries.reverse();
        let options: Vec<OptionFact> = entries
            .iter()
            .map(|(k, v)| OptionFact {
                key: k.clone(),
                value: self.eval_opt(*v, 0),
                span: span(unwrap_value(*v)),
            })
            .collect();
        // The first positional argument, unless it is an options object. An environment
        // variable there must read like a URL, or be the only plain argument
        // (`new Sequelize(DB_NAME, DB_USER, DB_PASSWORD)` names no URL).
        let plain_args = args
            .iter()
            .filter(|a| {
                let u = unwrap_value(**a);
                self.object_of(u, 0).is_none() && !is_fn_kind(u.kind_name())
            })
            .count();
        let positional = args
            .first()
            .filter(|a| self.object_of(**a, 0).is_none())
            .and_then(|a| self.url_of(*a, 0))
            .filter(|u| match u {
                UrlRef::Literal { .. } => true,
                UrlRef::Env { name, .. } => {
                    url_like_var(name) || (plain_args == 1 && !secret_like_var(name))
                }
            });
        let from_options = || {
            entries.iter().find_map(|(k, v)| {
                let last = k.rsplit('.').next().unwrap_or(k);
                let u = self.url_of(*v, 0)?;
                let ok = match &u {
                    UrlRef::Literal { text, .. } => {
                        self.catalog.url_options.iter().any(|k| k == last)
                            || is_connection_url(text, &self.catalog.url_schemes)
                    }
                    UrlRef::Env { name, .. } => {
                        self.catalog.url_options.iter().any(|k| k == last)
                            || (last == "host" && url_like_var(name))
                    }
                };
                ok.then_some(u)
            })
        };
        let implicit = || {
            let implicit = def.default_url_env.as_ref()?;
            let given = entries.iter().any(|(k, _)| {
                let head = k.split('.').next().unwrap_or(k);
                implicit.unless.iter().any(|u| u == head)
            });
            (!given).then(|| UrlRef::Env {
                name: implicit.var.clone(),
                span: span(call),
                fallback: None,
            })
        };
        let url = positional.or_else(from_options).or_else(implicit);
        (!options.is_empty() || url.is_some()).then_some(ClientConfig {
            client,
            options,
            url,
            url_call: None,
        })
    }

    /// A string literal (or substitution-free template) that is a connection URL.
    pub(super) fn url_literal(&mut self, at: At<'_, 't>) {
        let src = self.src;
        let n = at.node;
        if !text(n, src).contains("://") {
            return;
        }
        let Some((t, sp)) = literal_text(n, src) else {
            return;
        };
        if t.contains(char::is_whitespace) || !is_connection_url(t, &self.catalog.url_schemes) {
            return;
        }
        let var = self.url_var(at);
        self.facts.urls.push(ConnUrl {
            var,
            text: t.to_string(),
            span: sp,
        });
    }

    /// The variable a URL literal is assigned to (`const DATABASE_URL = "postgres://…"`,
    /// `process.env.DATABASE_URL = …`, an upper-case property `DATABASE_URL: "…"`), or the
    /// environment variable it is the fallback of (`process.env.DATABASE_URL ?? "postgres://…"`).
    pub(super) fn url_var(&self, at: At<'_, 't>) -> Option<String> {
        let src = self.src;
        let mut cur = at;
        while let Some(p) = cur.up() {
            let (pn, cn) = (p.node, cur.node);
            match pn.kind_name() {
                "parenthesized_expression"
                | "as_expression"
                | "satisfies_expression"
                | "non_null_expression"
                | "type_assertion" => {}
                "binary_expression" => {
                    let op = field(pn, "operator").map(|o| text(o, src)).unwrap_or("");
                    if !matches!(op, "??" | "||") || !is_field(pn, "right", cn) {
                        return None;
                    }
                    return field(pn, "left").and_then(|l| self.env_var(l, 0));
                }
                "variable_declarator" => {
                    let name = field(pn, "name").filter(|x| x.kind_name() == "identifier")?;
                    return is_field(pn, "value", cn).then(|| text(name, src).to_string());
                }
                "assignment_expression" | "augmented_assignment_expression" => {
                    let left = unwrap_value(field(pn, "left")?);
                    if !is_field(pn, "right", cn) {
                        return None;
                    }
                    return match left.kind_name() {
                        "identifier" => Some(text(left, src).to_string()),
                        _ => self.env_var(left, 0),
                    };
                }
                "pair" => {
                    let key = field(pn, "key").and_then(|k| key_name(k, src))?;
                    return (is_field(pn, "value", cn) && env_name_like(key))
                        .then(|| key.to_string());
                }
                _ => return None,
            }
            cur = p;
        }
        None
    }

    /// A project's own wrapper around an SDK, by the receiver of a call: an identifier imported
    /// from a project module (not shadowed in the file) whose name says it is one
    /// (`streamChatManager`). Call [`Walker::ensure_index`] first.
    pub(super) fn is_project_wrapper(&self, receiver: Node) -> bool {
        let r = unwrap_value(receiver);
        if r.kind_name() != "identifier" {
            return false;
        }
        let name = text(r, self.src);
        !self.declared(name)
            && self
                .pre
                .imports
                .get(name)
                .is_some_and(|i| i.local.is_some())
            && is_wrapper_name(name)
    }
}

/// A URL written out with some parts interpolated (`` `postgres://u:${pw}@db.example.com:6543/app` ``,
/// or strings and templates joined by `+`): its text with each interpolation as `x`, when the
/// scheme, the host and the port are written.
fn written_url(n: Node, src: &str) -> Option<UrlRef> {
    fn collect(n: Node, src: &str, out: &mut String, depth: u8) -> Option<()> {
        if depth > 16 {
            return None;
        }
        let n = unwrap_value(n);
        match n.kind_name() {
            "string" => out.push_str(literal_text(n, src)?.0),
            "template_string" => {
                let inner = (n.start_byte() + 1, n.end_byte().saturating_sub(1));
                let mut at = inner.0;
                for k in named_kids(n) {
                    if k.kind_name() == "template_substitution" {
                        out.push_str(src.get(at..k.start_byte())?);
                        out.push(HOLE);
                        at = k.end_byte();
                    }
                }
                out.push_str(src.get(at..inner.1.max(at))?);
            }
            "binary_expression" if field(n, "operator").is_some_and(|o| text(o, src) == "+") => {
                collect(field(n, "left")?, src, out, depth + 1)?;
                collect(field(n, "right")?, src, out, depth + 1)?;
            }
            _ => out.push(HOLE),
        }
        Some(())
    }
    let mut text = String::new();
    collect(n, src, &mut text, 0)?;
    let scheme_end = text.find("://")?;
    let scheme = &text[..scheme_end];
    if scheme.is_empty()
        || !scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '+')
    {
        return None;
    }
    // The host and port must be written: `postgres://${host}/db` names no server.
    let rest = &text[scheme_end + 3..];
    let authority = &rest[..rest.find(['/', '?', '#']).unwrap_or(rest.len())];
    let host_port = authority.rsplit('@').next().unwrap_or(authority);
    if host_port.is_empty() || host_port.contains(HOLE) {
        return None;
    }
    Some(UrlRef::Literal {
        text: text.replace(HOLE, "x"),
        span: span(n),
    })
}

/// Where an interpolation stands in a URL being read (see [`written_url`]).
const HOLE: char = '\u{1}';
