//! Reading values: keyword options and nested dicts, module constants, environment variables,
//! settings fields and connection URLs.

use super::*;
use crate::facts::{UrlCall, UrlReturn};

// ---------------------------------------------------------------------------------------------
// Options, URLs (`client_configs`, `urls`)
// ---------------------------------------------------------------------------------------------

/// Functions that read an environment variable, by qualified name: the variable is the first
/// argument (`os.getenv("DATABASE_URL")`, python-decouple's `config("DATABASE_URL")`).
pub(super) const ENV_CALLS: &[&str] = &[
    "os.getenv",
    "os.environ.get",
    "os.environ.setdefault",
    "decouple.config",
];

/// Methods that keep a URL what it is (`os.environ["DATABASE_URL"].replace("postgres://",
/// "postgresql://")`, pydantic's `settings.DATABASE_URL.unicode_string()`).
pub(super) const URL_PASSTHROUGH: &[&str] = &[
    "replace",
    "strip",
    "rstrip",
    "lstrip",
    "unicode_string",
    "get_secret_value",
    "render_as_string",
];

/// How deep names are followed (`URL = DATABASE_URL`, `DATABASE_URL = os.getenv(…)`).
pub(super) const MAX_FOLLOW: u8 = 8;

/// Where the names of a construction's arguments are looked up: the body of the function that
/// holds it (`None`: module level), and the offset before which assignments count.
#[derive(Clone, Copy)]
pub(super) struct Ctx<'b, 't> {
    pub(super) info: Option<&'b BodyInfo<'t>>,
    pub(super) before: usize,
    pub(super) depth: u8,
}

/// What a name holds where it is used.
pub(super) enum Lookup<'t> {
    /// The right sides of the assignments that may reach the use; `true`: module level.
    Values(Vec<Node<'t>>, bool),
    /// A parameter, or a local bound by something else than a plain assignment.
    Opaque,
    /// Not bound in this file (imported, a builtin, a class or function name).
    Unbound,
}

/// Through parentheses.
pub(super) fn unparen(node: Node) -> Node {
    let mut cur = node;
    while cur.kind_name() == "parenthesized_expression" {
        match cur.named_child(0) {
            Some(inner) => cur = inner,
            None => break,
        }
    }
    cur
}

/// The right side of `a = b = value`.
pub(super) fn rhs(node: Node) -> Node {
    let mut cur = node;
    while cur.kind_name() == "assignment" {
        match cur.field("right") {
            Some(r) => cur = r,
            None => break,
        }
    }
    cur
}

/// The text of a plain string literal (no f-string, no bytes) and its span without quotes.
pub(super) fn plain_string(node: Node, src: &str) -> Option<(String, Span)> {
    if node.kind_name() != "string" {
        return None;
    }
    let mut start = None;
    let mut end = None;
    let mut cursor = node.walk();
    for c in node.children(&mut cursor) {
        match c.kind_name() {
            "string_start" => start = Some(c),
            "string_end" => end = Some(c),
            "interpolation" => return None,
            _ => {}
        }
    }
    let (start, end) = (start?, end?);
    if text(start, src)
        .chars()
        .any(|c| matches!(c, 'f' | 'F' | 'b' | 'B' | 't' | 'T'))
    {
        return None;
    }
    let sp = Span::new(start.end_byte(), end.start_byte().max(start.end_byte()));
    Some((src.get(sp.range())?.to_string(), sp))
}

/// A URL written as an f-string (`f"postgresql://{user}:{pw}@{host}:6543/db"`) or with
/// `.format()` (`"sqlite:///{0}".format(path)`): what is written is read; each placeholder
/// stands for its value, written as the expression it is (`host`, `path`), so that two URLs on
/// different values never look alike. Only a text that reads as a URL (`scheme://`).
pub(super) fn formatted_url(node: Node, src: &str) -> Option<(String, Span)> {
    let (string, args) = match node.kind_name() {
        "string" => (node, Vec::new()),
        "call" => {
            let func = node.field("function")?;
            if func.kind_name() != "attribute"
                || func.field("attribute").map(|a| text(a, src)) != Some("format")
            {
                return None;
            }
            let obj = unparen(func.field("object")?);
            let (positional, _) = call_args(node);
            (obj, positional)
        }
        _ => return None,
    };
    if string.kind_name() != "string" {
        return None;
    }
    let mut out = String::new();
    let mut cursor = string.walk();
    let mut next_positional = 0usize;
    for c in string.children(&mut cursor) {
        match c.kind_name() {
            "string_content" | "escape_sequence" => {
                let t = text(c, src);
                if args.is_empty() && node.kind_name() == "string" {
                    out.push_str(t);
                    continue;
                }
                // `.format()`: `{}`, `{0}`, `{name}` stand for the arguments.
                let mut rest = t;
                while let Some(open) = rest.find('{') {
                    out.push_str(&rest[..open]);
                    let after = &rest[open + 1..];
                    if let Some(stripped) = after.strip_prefix('{') {
                        out.push('{');
                        rest = stripped;
                        continue;
                    }
                    let close = after.find('}')?;
                    let field = after[..close].split([':', '!']).next().unwrap_or("");
                    let arg = if field.is_empty() {
                        next_positional += 1;
                        args.get(next_positional - 1)
                    } else {
                        field.parse::<usize>().ok().and_then(|i| args.get(i))
                    };
                    match arg {
                        Some(a) => out.push_str(&compact(text(*a, src))),
                        None => out.push_str(field),
                    }
                    rest = &after[close + 1..];
                }
                out.push_str(rest);
            }
            "interpolation" => {
                let expr = c.field("expression").or_else(|| c.named_child(0))?;
                out.push_str(&compact(text(expr, src)));
            }
            _ => {}
        }
    }
    if !out.contains("://") {
        return None;
    }
    Some((out, span(node)))
}

/// A Python integer literal (`20`, `20_000`, `0x10`).
pub(super) fn parse_int(t: &str) -> Option<i64> {
    let t: String = t.chars().filter(|c| *c != '_').collect();
    let lower = t.to_ascii_lowercase();
    if let Some(h) = lower.strip_prefix("0x") {
        i64::from_str_radix(h, 16).ok()
    } else if let Some(o) = lower.strip_prefix("0o") {
        i64::from_str_radix(o, 8).ok()
    } else if let Some(b) = lower.strip_prefix("0b") {
        i64::from_str_radix(b, 2).ok()
    } else {
        lower.parse().ok()
    }
}

/// A name that holds settings (`settings`, `config`, `app_settings`, `Config`, `cfg`).
pub(super) fn settings_name(name: &str) -> bool {
    let l = name.trim_start_matches('_').to_ascii_lowercase();
    l.ends_with("settings") || l.ends_with("config") || matches!(l.as_str(), "conf" | "cfg")
}

/// An environment variable name that reads like a URL (`DATABASE_URL`, `MONGO_URI`, `PG_DSN`).
pub(super) fn url_like_var(name: &str) -> bool {
    let u = name.to_ascii_uppercase();
    u.contains("URL") || u.contains("URI") || u.contains("DSN")
}

/// Two URL references name the same thing (spans aside).
pub(super) fn same_url(a: &UrlRef, b: &UrlRef) -> bool {
    match (a, b) {
        (UrlRef::Literal { text: x, .. }, UrlRef::Literal { text: y, .. }) => x == y,
        (UrlRef::Env { name: x, .. }, UrlRef::Env { name: y, .. }) => x == y,
        _ => false,
    }
}

impl<'a, 't> Walker<'a, 't> {
    /// A string literal that is a connection URL (`urls`), with the variable it is assigned to.
    pub(super) fn on_string(&mut self, node: Node<'t>) {
        let src = self.src;
        if !text(node, src).contains("://")
            || node
                .parent()
                .is_some_and(|p| p.kind_name() == "concatenated_string")
        {
            return;
        }
        let Some((url, sp)) = plain_string(node, src) else {
            return;
        };
        // Templates (`'postgresql://{}@db'.format(…)`, `'…%s…' % x`) are not URLs.
        if url.contains(char::is_whitespace)
            || url.contains(['{', '}'])
            || url.contains("%s")
            || url.contains("%(")
            || !is_connection_url(&url, &self.cat.url_schemes)
        {
            return;
        }
        let var = self.url_var(node);
        self.facts.urls.push(ConnUrl {
            var,
            text: url,
            span: sp,
        });
    }

    /// The variable a URL literal is assigned to (`DATABASE_URL = "postgres://…"`; a field of a
    /// pydantic settings class, upper-cased), or the environment variable it is the default of
    /// (`os.getenv("DATABASE_URL", "postgres://…")`).
    pub(super) fn url_var(&self, node: Node<'t>) -> Option<String> {
        let src = self.src;
        let up = |n: Node<'t>| {
            let mut cur = n;
            while let Some(p) = cur
                .parent()
                .filter(|p| p.kind_name() == "parenthesized_expression")
            {
                cur = p;
            }
            cur
        };
        let mut cur = up(node);
        let mut env = None;
        if let Some(args) = cur.parent().filter(|p| p.kind_name() == "argument_list")
            && let Some(call) = args.parent()
            && call.kind_name() == "call"
            && call
                .field("function")
                .is_some_and(|f| self.is_env_callee(f))
        {
            let (positional, _) = call_args(call);
            if positional.first() != Some(&cur) {
                env = positional
                    .first()
                    .and_then(|a| plain_string(*a, src))
                    .map(|(name, _)| name);
                cur = up(call);
            }
        }
        let assigned = cur
            .parent()
            .filter(|p| p.kind_name() == "assignment" && p.field("right") == Some(cur))
            .and_then(|a| {
                let left = a.field("left")?;
                if left.kind_name() != "identifier" {
                    return None;
                }
                let name = text(left, src);
                let in_settings_class = a
                    .parent()
                    .filter(|p| p.kind_name() == "expression_statement")
                    .and_then(|p| p.parent())
                    .filter(|b| b.kind_name() == "block")
                    .and_then(|b| b.parent())
                    .filter(|c| c.kind_name() == "class_definition")
                    .and_then(|c| c.field("superclasses"))
                    .is_some_and(|sup| {
                        named_children(sup).into_iter().any(|b| {
                            dotted(b, src)
                                .and_then(|segs| segs.last().copied())
                                .is_some_and(|l| l.ends_with("Settings"))
                        })
                    });
                Some(if in_settings_class {
                    name.to_ascii_uppercase()
                } else {
                    name.to_string()
                })
            });
        assigned.or(env)
    }

    /// The qualified name of a dotted expression through the file's imports
    /// (`environ.get` after `from os import environ` → `os.environ.get`).
    pub(super) fn qualify(&self, node: Node) -> Option<String> {
        self.pre.qualified(&dotted(node, self.src)?)
    }

    pub(super) fn is_env_callee(&self, func: Node) -> bool {
        self.qualify(func)
            .is_some_and(|q| ENV_CALLS.contains(&q.as_str()))
    }

    /// A builtin (`str`, `dict`) that the file does not shadow.
    pub(super) fn is_builtin(&self, node: Node, name: &str) -> bool {
        node.kind_name() == "identifier"
            && text(node, self.src) == name
            && !self.pre.imports.contains_key(name)
            && !self.pre.local_fns.contains(name)
            && !self.pre.module_names.contains(name)
    }

    /// `settings.DATABASE_URL`, `config.database_url`, `get_settings().DATABASE_URL`,
    /// `self.settings.db_url`: the attribute's name, upper-cased (pydantic settings read the
    /// environment variable of that name).
    pub(super) fn settings_attr(&self, node: Node) -> Option<String> {
        if node.kind_name() != "attribute" {
            return None;
        }
        let src = self.src;
        let attr = text(node.field("attribute")?, src);
        let obj = unparen(node.field("object")?);
        let holder = match obj.kind_name() {
            "identifier" => settings_name(text(obj, src)),
            "attribute" => obj
                .field("attribute")
                .is_some_and(|a| settings_name(text(a, src))),
            "call" => obj
                .field("function")
                .and_then(|f| dotted(f, src))
                .and_then(|segs| segs.last().copied())
                .is_some_and(settings_name),
            _ => false,
        };
        holder.then(|| attr.to_ascii_uppercase())
    }

    /// An environment lookup: `os.environ["X"]`, `os.environ.get("X")`, `os.getenv("X", d)`,
    /// `settings.X`.
    pub(super) fn env_ref(&self, node: Node<'t>, ctx: Ctx<'_, 't>) -> Option<UrlRef> {
        let mut fallback = None;
        let name = match node.kind_name() {
            "attribute" => self.settings_attr(node)?,
            "subscript" => {
                let value = node.field("value")?;
                if self.qualify(value).as_deref() != Some("os.environ") {
                    return None;
                }
                let key = node.field("subscript")?;
                match self.eval_value(key, ctx) {
                    OptValue::Str(s) => s,
                    _ => return None,
                }
            }
            "call" => {
                let func = node.field("function")?;
                if !self.is_env_callee(func) {
                    return None;
                }
                let (positional, keywords) = call_args(node);
                let key = positional
                    .first()
                    .copied()
                    .or_else(|| keyword(&keywords, "key", self.src))?;
                // `os.getenv("DATABASE_URL", "postgresql://…")`: the URL when it is unset
                fallback = positional
                    .get(1)
                    .copied()
                    .or_else(|| keyword(&keywords, "default", self.src))
                    .and_then(|d| match self.eval_value(d, ctx) {
                        OptValue::Str(s) if s.contains("://") => Some((s, span(d))),
                        _ => None,
                    });
                match self.eval_value(key, ctx) {
                    OptValue::Str(s) => s,
                    _ => return None,
                }
            }
            _ => return None,
        };
        (!name.is_empty()).then(|| UrlRef::Env {
            name,
            span: span(node),
            fallback,
        })
    }

    /// What `name` holds at `ctx`.
    pub(super) fn lookup(&self, name: &str, ctx: Ctx<'_, 't>) -> Lookup<'t> {
        let src = self.src;
        if let Some(info) = ctx.info
            && info.locals.contains(name)
        {
            let values: Vec<Node<'t>> = info
                .assigns
                .iter()
                .filter(|(l, _)| {
                    l.kind_name() == "identifier"
                        && text(*l, src) == name
                        && l.start_byte() < ctx.before
                })
                .map(|(_, r)| rhs(*r))
                .collect();
            return if values.is_empty() {
                Lookup::Opaque
            } else {
                Lookup::Values(values, false)
            };
        }
        let limit = if ctx.info.is_some() {
            usize::MAX
        } else {
            ctx.before
        };
        let values: Vec<Node<'t>> = self
            .pre
            .consts
            .get(name)
            .map(|v| {
                v.iter()
                    .copied()
                    .filter(|r| r.start_byte() < limit)
                    .collect()
            })
            .unwrap_or_default();
        if values.is_empty() {
            Lookup::Unbound
        } else {
            Lookup::Values(values, true)
        }
    }

    /// The assignments of `name` worth following, with the context to read each in: an
    /// assignment that derives the name from itself (`URL = URL.replace(…)`) keeps what it had.
    /// `Err(true)`: bound, but not to anything connlint can follow (a parameter, a loop variable,
    /// too deep); `Err(false)`: not bound in this file.
    #[allow(clippy::type_complexity)]
    pub(super) fn reaching<'b>(
        &self,
        name: &str,
        ctx: Ctx<'b, 't>,
    ) -> Result<Vec<(Node<'t>, Ctx<'b, 't>)>, bool> {
        if ctx.depth >= MAX_FOLLOW {
            return Err(true);
        }
        let (values, module) = match self.lookup(name, ctx) {
            Lookup::Values(v, m) => (v, m),
            Lookup::Opaque => return Err(true),
            Lookup::Unbound => return Err(false),
        };
        let names = [name.to_string()];
        let own: Vec<Node<'t>> = values
            .into_iter()
            .filter(|v| !self.mentions(*v, &names))
            .collect();
        if own.is_empty() {
            return Err(true);
        }
        Ok(own
            .into_iter()
            .map(|v| {
                (
                    v,
                    Ctx {
                        info: if module { None } else { ctx.info },
                        before: v.start_byte(),
                        depth: ctx.depth + 1,
                    },
                )
            })
            .collect())
    }

    /// The value of an option, following names to their assignments.
    pub(super) fn eval_value(&self, node: Node<'t>, ctx: Ctx<'_, 't>) -> OptValue {
        let src = self.src;
        let node = unparen(node);
        match node.kind_name() {
            "integer" => parse_int(text(node, src)).map_or(OptValue::Unknown, OptValue::Int),
            "unary_operator" => {
                let op = node.field("operator").map(|o| text(o, src));
                let arg = node.field("argument").map(unparen);
                match (op, arg) {
                    (Some(op @ ("-" | "+")), Some(a)) if a.kind_name() == "integer" => {
                        match parse_int(text(a, src)) {
                            Some(n) if op == "-" => OptValue::Int(-n),
                            Some(n) => OptValue::Int(n),
                            None => OptValue::Unknown,
                        }
                    }
                    _ => OptValue::Unknown,
                }
            }
            // `pool_size=50 if PROD else 10`: the larger is what some deployment opens.
            "conditional_expression" => match (
                node.named_child(0).map(|a| self.eval_value(a, ctx)),
                node.named_child(2).map(|b| self.eval_value(b, ctx)),
            ) {
                (Some(OptValue::Int(a)), Some(OptValue::Int(b))) => OptValue::Int(a.max(b)),
                _ => OptValue::Unknown,
            },
            "true" => OptValue::Bool(true),
            "false" => OptValue::Bool(false),
            "none" => OptValue::Null,
            "string" => {
                plain_string(node, src).map_or(OptValue::Unknown, |(s, _)| OptValue::Str(s))
            }
            "concatenated_string" => {
                let mut joined = String::new();
                for part in named_children(node) {
                    match plain_string(part, src) {
                        Some((s, _)) => joined.push_str(&s),
                        None => return OptValue::Unknown,
                    }
                }
                OptValue::Str(joined)
            }
            "identifier" => {
                let name = text(node, src);
                match self.reaching(name, ctx) {
                    Ok(values) => {
                        let mut out: Option<OptValue> = None;
                        for (v, c) in values {
                            let val = self.eval_value(v, c);
                            match &out {
                                None => out = Some(val),
                                Some(prev) if *prev == val => {}
                                Some(_) => return OptValue::Unknown,
                            }
                        }
                        out.unwrap_or(OptValue::Unknown)
                    }
                    Err(true) => OptValue::Unknown,
                    Err(false) => {
                        let known = self.pre.imports.contains_key(name)
                            || self.pre.module_names.contains(name)
                            || name.starts_with(|c: char| c.is_ascii_uppercase());
                        if known {
                            OptValue::Name(name.to_string())
                        } else {
                            OptValue::Unknown
                        }
                    }
                }
            }
            "attribute" if self.settings_attr(node).is_none() => {
                let Some(segs) = dotted(node, src) else {
                    return OptValue::Unknown;
                };
                let (Some(first), Some(last)) = (segs.first(), segs.last()) else {
                    return OptValue::Unknown;
                };
                if self.pre.imports.contains_key(*first)
                    || last.starts_with(|c: char| c.is_ascii_uppercase())
                {
                    OptValue::Name((*last).to_string())
                } else {
                    OptValue::Unknown
                }
            }
            _ => OptValue::Unknown,
        }
    }

    /// The entries of a mapping written as a dict literal, `dict(k=v)`, or a name bound to one:
    /// `(key, value, where to read the value)`.
    #[allow(clippy::type_complexity)]
    pub(super) fn mapping_of<'b>(
        &self,
        node: Node<'t>,
        ctx: Ctx<'b, 't>,
    ) -> Option<Vec<(String, Node<'t>, Ctx<'b, 't>)>> {
        let src = self.src;
        let node = unparen(node);
        match node.kind_name() {
            "dictionary" => {
                let mut out = Vec::new();
                for c in named_children(node) {
                    match c.kind_name() {
                        "pair" => {
                            if let (Some(k), Some(v)) = (c.field("key"), c.field("value"))
                                && let Some((key, _)) = plain_string(unparen(k), src)
                            {
                                out.push((key, v, ctx));
                            }
                        }
                        "dictionary_splat" => {
                            if let Some(inner) = c.named_child(0)
                                && let Some(more) = self.mapping_of(inner, ctx)
                            {
                                out.extend(more);
                            }
                        }
                        _ => {}
                    }
                }
                Some(out)
            }
            "call" => {
                let func = node.field("function")?;
                if !self.is_builtin(func, "dict") {
                    return None;
                }
                let (positional, keywords) = call_args(node);
                let mut out = match positional.first() {
                    Some(p) => self.mapping_of(*p, ctx)?,
                    None => Vec::new(),
                };
                for (k, v) in keywords {
                    out.push((text(k, src).to_string(), v, ctx));
                }
                Some(out)
            }
            "identifier" => {
                let values = self.reaching(text(node, src), ctx).ok()?;
                match values.as_slice() {
                    [(v, c)] => self.mapping_of(*v, *c),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// Where a URL argument comes from: a string literal, an environment lookup, or a name bound
    /// to one of those; an f-string or a `.format()` whose text reads as a URL (see
    /// [`formatted_url`]). Arithmetic gives nothing.
    pub(super) fn url_of(&self, node: Node<'t>, ctx: Ctx<'_, 't>) -> Option<UrlRef> {
        let src = self.src;
        let node = unparen(node);
        match node.kind_name() {
            "string" => {
                let (t, sp) = plain_string(node, src).or_else(|| formatted_url(node, src))?;
                t.contains("://")
                    .then_some(UrlRef::Literal { text: t, span: sp })
            }
            "identifier" => {
                let values = self.reaching(text(node, src), ctx).ok()?;
                let mut out: Option<UrlRef> = None;
                for (v, c) in values {
                    let u = self.url_of(v, c)?;
                    match &out {
                        None => out = Some(u),
                        Some(prev) if same_url(prev, &u) => {}
                        Some(_) => return None,
                    }
                }
                out
            }
            "attribute" | "subscript" => self.env_ref(node, ctx),
            // `os.getenv("DATABASE_URL") or DEFAULT_URL`: the environment wins when it is set.
            "boolean_operator" if node.field("operator").is_some_and(|o| text(o, src) == "or") => {
                let left = node.field("left")?;
                let right = node.field("right")?;
                self.url_of(left, ctx).or_else(|| self.url_of(right, ctx))
            }
            "call" => {
                if let Some(env) = self.env_ref(node, ctx) {
                    return Some(env);
                }
                let func = node.field("function")?;
                if self.is_builtin(func, "str") {
                    let (positional, _) = call_args(node);
                    return self.url_of(*positional.first()?, ctx);
                }
                if func.kind_name() == "attribute"
                    && func
                        .field("attribute")
                        .is_some_and(|m| URL_PASSTHROUGH.contains(&text(m, src)))
                {
                    return self.url_of(func.field("object")?, ctx);
                }
                let (t, sp) = formatted_url(node, src)?;
                Some(UrlRef::Literal { text: t, span: sp })
            }
            _ => None,
        }
    }

    /// An option (a keyword argument or a mapping entry), nested mappings flattened with `.`.
    pub(super) fn push_option(
        &self,
        key: String,
        value: Node<'t>,
        ctx: Ctx<'_, 't>,
        out: &mut Vec<OptionFact>,
        nesting: u8,
    ) {
        if nesting < 4
            && let Some(entries) = self.mapping_of(value, ctx)
        {
            for (k, v, c) in entries {
                self.push_option(format!("{key}.{k}"), v, c, out, nesting + 1);
            }
            return;
        }
        out.push(OptionFact {
            key,
            value: self.eval_value(value, ctx),
            span: span(unparen(value)),
        });
    }

    /// The options and URL written at a construction.
    pub(super) fn client_config(
        &self,
        client: usize,
        call: Node<'t>,
        ctx: Ctx<'_, 't>,
    ) -> ClientConfig {
        let src = self.src;
        let (positional, keywords) = call_args(call);
        let mut options = Vec::new();
        for (k, v) in &keywords {
            self.push_option(text(*k, src).to_string(), *v, ctx, &mut options, 0);
        }
        // Leading positional arguments the catalogue names (`ThreadedConnectionPool(5, 50, dsn)`).
        let named = self
            .facts
            .clients
            .get(client)
            .and_then(|c| self.cat.by_id(&c.client))
            .map(|d| d.positional_options.as_slice())
            .unwrap_or_default();
        for (name, v) in named.iter().zip(&positional) {
            if !keywords.iter().any(|(k, _)| text(*k, src) == name) {
                self.push_option(name.clone(), *v, ctx, &mut options, 0);
            }
        }
        // `create_engine(url, **ENGINE_OPTIONS)`.
        if let Some(args) = call.field("arguments") {
            for a in named_children(args) {
                if a.kind_name() == "dictionary_splat"
                    && let Some(inner) = a.named_child(0)
                    && let Some(entries) = self.mapping_of(inner, ctx)
                {
                    for (k, v, c) in entries {
                        self.push_option(k, v, c, &mut options, 0);
                    }
                }
            }
        }
        let url_like = |u: &UrlRef| match u {
            UrlRef::Literal { .. } => true,
            UrlRef::Env { name, .. } => url_like_var(name),
        };
        // The first positional argument, or a later one that reads like a URL
        // (`SimpleConnectionPool(1, 10, DATABASE_URL)`), or `url=` / `dsn=` / `host="mongodb://…"`.
        let url = positional
            .iter()
            .enumerate()
            .find_map(|(i, a)| self.url_of(*a, ctx).filter(|u| i == 0 || url_like(u)))
            .or_else(|| {
                keywords.iter().find_map(|(k, v)| {
                    let key = text(*k, src);
                    self.cat
                        .url_options
                        .iter()
                        .any(|u| u == key)
                        .then(|| self.url_of(*v, ctx))
                        .flatten()
                        .filter(|u| key != "host" || url_like(u))
                })
            });
        // `create_engine(get_database_url())`: a project function's value, resolved across files.
        let url_call = if url.is_none() {
            positional
                .first()
                .and_then(|a| self.url_call_of(*a, ctx))
                .or_else(|| {
                    keywords.iter().find_map(|(k, v)| {
                        let key = text(*k, src);
                        (key != "host" && self.cat.url_options.iter().any(|u| u == key))
                            .then(|| self.url_call_of(*v, ctx))
                            .flatten()
                    })
                })
        } else {
            None
        };
        ClientConfig {
            client,
            options,
            url,
            url_call,
        }
    }

    /// A URL argument that is the value of a project function: `get_database_url()`,
    /// `config.database_url()`, `str(db_url())`, or a name bound to one of those.
    fn url_call_of(&self, node: Node<'t>, ctx: Ctx<'_, 't>) -> Option<UrlCall> {
        let node = unparen(node);
        match node.kind_name() {
            "identifier" => {
                let name = text(node, self.src);
                // `from app.config import DATABASE_URL`: the other module's constant.
                if let Some((name, module)) = self.pre.imported_project_name(name, self.file) {
                    return Some(UrlCall {
                        name,
                        module: Some(module),
                    });
                }
                let values = self.reaching(name, ctx).ok()?;
                match values.as_slice() {
                    [(v, c)] => self.url_call_of(*v, *c),
                    _ => None,
                }
            }
            "call" => {
                let func = node.field("function")?;
                let (positional, keywords) = call_args(node);
                if self.is_builtin(func, "str") {
                    return self.url_call_of(*positional.first()?, ctx);
                }
                if !positional.is_empty() || !keywords.is_empty() {
                    return None;
                }
                let segs = dotted(func, self.src)?;
                let (name, module) = self.pre.project_target(&segs, self.file)?;
                Some(UrlCall { name, module })
            }
            _ => None,
        }
    }

    /// The module-level functions whose every `return` gives one URL, and the module constants
    /// bound once to one (`DATABASE_URL = os.environ["DATABASE_URL"]`), for clients in other
    /// modules built on their value.
    fn finish_url_returns(&mut self, bodies: &HashMap<usize, BodyInfo<'t>>) {
        let mut consts: Vec<(&str, Node<'t>)> = self
            .pre
            .consts
            .iter()
            .filter_map(|(name, values)| match values.as_slice() {
                [v] if !self.pre.local_fns.contains(name.as_str()) => Some((name.as_str(), *v)),
                _ => None,
            })
            .collect();
        consts.sort_by_key(|(_, v)| v.start_byte());
        for (name, value) in consts {
            let ctx = Ctx {
                info: None,
                before: value.start_byte(),
                depth: 0,
            };
            if let Some(url) = self.url_of(value, ctx) {
                self.facts.url_returns.push(UrlReturn {
                    name: name.to_string(),
                    url,
                });
            }
        }
        for owner in std::mem::take(&mut self.url_fn_candidates) {
            let (Some(info), Some(name)) = (bodies.get(&owner.id()), owner.field("name")) else {
                continue;
            };
            if info.is_generator {
                continue;
            }
            let mut url: Option<UrlRef> = None;
            let mut all = !info.returns.is_empty();
            for r in &info.returns {
                let value = if r.kind_name() == "return_statement" {
                    r.named_child(0)
                } else {
                    Some(*r)
                };
                let ctx = Ctx {
                    info: Some(info),
                    before: r.start_byte(),
                    depth: 0,
                };
                match value.and_then(|v| self.url_of(v, ctx)) {
                    Some(u) if url.as_ref().is_none_or(|prev| same_url(prev, &u)) => {
                        url = Some(u);
                    }
                    _ => {
                        all = false;
                        break;
                    }
                }
            }
            if let (true, Some(url)) = (all, url) {
                self.facts.url_returns.push(UrlReturn {
                    name: text(name, self.src).to_string(),
                    url,
                });
            }
        }
    }

    pub(super) fn finish_configs(&mut self, bodies: &HashMap<usize, BodyInfo<'t>>) {
        self.finish_url_returns(bodies);
        let pending = std::mem::take(&mut self.config_pending);
        for (client, call, owner) in pending {
            let info = if owner.kind_name() == "module" {
                None
            } else {
                bodies.get(&owner.id())
            };
            let ctx = Ctx {
                info,
                before: call.start_byte(),
                depth: 0,
            };
            let config = self.client_config(client, call, ctx);
            if !config.options.is_empty() || config.url.is_some() || config.url_call.is_some() {
                self.facts.client_configs.push(config);
            }
        }
    }
}
