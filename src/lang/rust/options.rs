//! Reading values: builder chains and config structs, positional options, environment
//! variables, constants and connection URLs.

use super::*;

// --- options and URLs ---------------------------------------------------------------------------

/// How many locals and constants option and URL resolution follows in a row.
pub(super) const MAX_DEPTH: usize = 8;

/// Suffixes of type names whose values configure a client (`PgConnectOptions`, `PoolConfig`,
/// `ClientOptions`, `deadpool_postgres::Config`, `ConfigBuilder`).
pub(super) const CONFIG_SUFFIXES: &[&str] = &[
    "Options",
    "Config",
    "Opts",
    "Builder",
    "Settings",
    "Cfg",
    "Configuration",
];

pub(super) fn is_config_type(name: &str) -> bool {
    CONFIG_SUFFIXES.iter().any(|s| name.ends_with(s))
}

/// `env::var`, `std::env::var_os`, `dotenvy::var`, `dotenv::var`.
pub(super) fn is_env_fn(resolved: &[String]) -> bool {
    match resolved {
        [.., m, f] if m == "env" && (f == "var" || f == "var_os") => true,
        [first, .., f] => (first == "dotenvy" || first == "dotenv") && f == "var",
        _ => false,
    }
}

/// A value seen through `&`, parentheses, `?`, `.await`, casts, `Some(..)`, `Arc::new(..)` and
/// `unwrap()`-like methods.
pub(super) fn peel(e: &Expr) -> &Expr {
    match e {
        Expr::Reference(r) => peel(&r.expr),
        Expr::Paren(p) => peel(&p.expr),
        Expr::Group(g) => peel(&g.expr),
        Expr::Try(t) => peel(&t.expr),
        Expr::Await(a) => peel(&a.base),
        Expr::Cast(c) => peel(&c.expr),
        Expr::MethodCall(m) if PASSTHROUGH.contains(&m.method.to_string().as_str()) => {
            peel(&m.receiver)
        }
        Expr::Call(c) if c.args.len() == 1 && is_wrapper_call(&c.func) => match c.args.first() {
            Some(a) => peel(a),
            None => e,
        },
        _ => e,
    }
}

/// What a construction is, for its options and URL.
#[derive(Clone, Copy)]
pub(super) enum Construction<'ast> {
    /// `PgPool::connect(&url)`, `Client::open(url)`.
    Call(&'ast ExprCall),
    /// The terminal call of a builder chain or a method on a config value:
    /// `PgPoolOptions::new().max_connections(5).connect(&url)`, `cfg.create_pool(..)`.
    Method(&'ast ExprMethodCall),
}

/// What a name stands for at a position.
pub(super) enum Found<'ast> {
    /// A `let` (its initialiser and where it starts) or a constant (position 0).
    Value(&'ast Expr, usize),
    /// A parameter, or a local bound in a way that is not followed.
    Opaque,
    Nothing,
}

/// The options and URL gathered for one construction.
#[derive(Default)]
pub(super) struct ConfigAcc {
    pub(super) options: Vec<OptionFact>,
    pub(super) url: Option<UrlRef>,
}

impl<'ast> Walker<'_, 'ast> {
    pub(super) fn add_config(&mut self, client: usize, cons: Construction<'ast>) {
        let mut acc = ConfigAcc::default();
        match cons {
            Construction::Call(c) => {
                let pos = self.conv.of(c).start as usize;
                acc.url = c.args.first().and_then(|a| self.url_from(a, pos, 0));
                for a in &c.args {
                    self.arg_options(a, pos, 0, &mut acc);
                }
            }
            Construction::Method(m) => {
                let pos = self.conv.of(m).start as usize;
                acc.url = m.args.first().and_then(|a| self.url_from(a, pos, 0));
                // deadpool: `cfg.url = Some(env::var("DATABASE_URL")?); cfg.create_pool(..)`
                if acc.url.is_none()
                    && let Some(root) = expr_ident(peel(&m.receiver))
                    && let Some(state) = self.fns.last()
                    && let Some(set) = state.field_sets.iter().rev().find(|s| {
                        s.root == root && s.end <= pos && {
                            let f = s.field.to_ascii_lowercase();
                            f.ends_with("url") || f.ends_with("uri") || f.ends_with("dsn")
                        }
                    })
                {
                    acc.url = self.url_from(set.value, set.end, 1);
                }
                self.chain_options(&m.receiver, pos, 0, &mut acc);
                for a in &m.args {
                    self.arg_options(a, pos, 0, &mut acc);
                }
            }
        }
        if !acc.options.is_empty() || acc.url.is_some() {
            self.facts.client_configs.push(ClientConfig {
                client,
                options: acc.options,
                url: acc.url,
                url_call: None,
            });
        }
    }

    /// `x = …` and `x.field = …` in the current function, for later constructions.
    pub(super) fn record_assign(&mut self, a: &'ast syn::ExprAssign) {
        let span = self.conv.of(a);
        let Some(state) = self.fns.last_mut() else {
            return;
        };
        match &*a.left {
            Expr::Field(f) => {
                if let (syn::Member::Named(field), Some(root)) = (&f.member, place_root(&f.base)) {
                    state.field_sets.push(FieldSet {
                        root,
                        field: field.to_string(),
                        value: &a.right,
                        end: span.end as usize,
                    });
                }
            }
            left => {
                if let Some(name) = expr_ident(left) {
                    state.bindings.push(Binding {
                        name,
                        init: &a.right,
                        start: span.start as usize,
                        end: span.end as usize,
                    });
                }
            }
        }
    }

    /// What `name` stands for at byte `pos`: the last `let` before it in the current function, a
    /// parameter, or a constant of the file.
    pub(super) fn lookup(&self, name: &str, pos: usize) -> Found<'ast> {
        let state = self.fns.last();
        let bindings = state.map_or(&self.static_bindings, |s| &s.bindings);
        if let Some(b) = bindings
            .iter()
            .rev()
            .find(|b| b.name == name && b.end <= pos)
        {
            return Found::Value(b.init, b.start);
        }
        if state.is_some_and(|s| s.locals.contains_key(name)) {
            return Found::Opaque;
        }
        match self.pre.consts.get(name) {
            Some(e) => Found::Value(e, 0),
            None => Found::Nothing,
        }
    }

    /// The value of an option as written: literals, `None`, names, constants and locals bound
    /// to them; anything else is unknown.
    pub(super) fn eval(&self, e: &'ast Expr, pos: usize, depth: usize) -> OptValue {
        match peel(e) {
            Expr::Lit(l) => match &l.lit {
                syn::Lit::Int(i) => i
                    .base10_parse::<i64>()
                    .map_or(OptValue::Unknown, OptValue::Int),
                syn::Lit::Str(s) => OptValue::Str(s.value()),
                syn::Lit::Bool(b) => OptValue::Bool(b.value),
                _ => OptValue::Unknown,
            },
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Neg(_)) => {
                match self.eval(&u.expr, pos, depth) {
                    OptValue::Int(n) => n.checked_neg().map_or(OptValue::Unknown, OptValue::Int),
                    _ => OptValue::Unknown,
                }
            }
            Expr::Path(p) if p.qself.is_none() => {
                let names = seg_names(&p.path);
                match names.as_slice() {
                    [one] if one == "None" => OptValue::Null,
                    [one] => match self.lookup(one, pos) {
                        Found::Value(init, at) if depth < MAX_DEPTH => {
                            self.eval(init, at, depth + 1)
                        }
                        Found::Nothing if starts_upper(one) && !is_all_caps(one) => {
                            OptValue::Name(one.clone())
                        }
                        _ => OptValue::Unknown,
                    },
                    // An enum variant or unit struct (`PgSslMode::Disable`), not a constant of
                    // another module.
                    [.., last] if starts_upper(last) && !is_all_caps(last) => {
                        OptValue::Name(last.clone())
                    }
                    _ => OptValue::Unknown,
                }
            }
            // `String::from("…")`, `"…".to_string()`.
            Expr::Call(c) if c.args.len() == 1 => {
                let from_string = matches!(&*c.func, Expr::Path(p)
                    if seg_names(&p.path).ends_with(&["String".to_string(), "from".to_string()]));
                match c.args.first() {
                    Some(a) if from_string => match self.eval(a, pos, depth) {
                        v @ OptValue::Str(_) => v,
                        _ => OptValue::Unknown,
                    },
                    _ => OptValue::Unknown,
                }
            }
            Expr::MethodCall(m) if m.args.is_empty() && m.method == "to_string" => {
                match self.eval(&m.receiver, pos, depth) {
                    v @ OptValue::Str(_) => v,
                    _ => OptValue::Unknown,
                }
            }
            _ => OptValue::Unknown,
        }
    }

    /// Where a URL value comes from: a string literal (or a constant or local holding one), an
    /// environment variable (`env::var("X")`, `dotenvy::var("X")`, `env!("X")`), through `&`,
    /// `?`, `.expect(..)`, `.unwrap_or(..)`, `.parse()`, `X::from_str(..)`, `LazyLock::new(|| ..)`.
    pub(super) fn url_from(&self, e: &'ast Expr, pos: usize, depth: usize) -> Option<UrlRef> {
        match e {
            Expr::Reference(r) => self.url_from(&r.expr, pos, depth),
            Expr::Paren(p) => self.url_from(&p.expr, pos, depth),
            Expr::Group(g) => self.url_from(&g.expr, pos, depth),
            Expr::Try(t) => self.url_from(&t.expr, pos, depth),
            Expr::Await(a) => self.url_from(&a.base, pos, depth),
            Expr::Cast(c) => self.url_from(&c.expr, pos, depth),
            Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => {
                self.url_from(&u.expr, pos, depth)
            }
            Expr::Lit(l) => match &l.lit {
                syn::Lit::Str(s) => Some(UrlRef::Literal {
                    text: s.value(),
                    span: lit_text_span(self.conv, &self.file.text, s),
                }),
                _ => None,
            },
            Expr::Path(_) => {
                let name = expr_ident(e)?;
                match self.lookup(&name, pos) {
                    Found::Value(init, at) if depth < MAX_DEPTH => {
                        self.url_from(init, at, depth + 1)
                    }
                    _ => None,
                }
            }
            Expr::Call(c) => self.url_from_call(c, pos, depth),
            Expr::MethodCall(m) => {
                let or_method = matches!(
                    m.method.to_string().as_str(),
                    "unwrap_or" | "or" | "unwrap_or_else" | "or_else"
                );
                if let Some(u) = self.url_from(&m.receiver, pos, depth) {
                    // `env::var("X").unwrap_or_else(|_| "postgres://…".into())`: the literal is
                    // the URL when `X` is unset
                    return Some(match u {
                        UrlRef::Env {
                            name,
                            span,
                            fallback: None,
                        } if or_method => UrlRef::Env {
                            fallback: m
                                .args
                                .first()
                                .and_then(|a| self.url_from(a, pos, depth))
                                .and_then(|f| match f {
                                    UrlRef::Literal { text, span } if text.contains("://") => {
                                        Some((text, span))
                                    }
                                    _ => None,
                                }),
                            name,
                            span,
                        },
                        u => u,
                    });
                }
                // The fallback of `env::var("X").unwrap_or("postgres://…".into())` when the
                // receiver is something else.
                match m.method.to_string().as_str() {
                    "unwrap_or" | "or" | "unwrap_or_else" | "or_else" => {
                        self.url_from(m.args.first()?, pos, depth)
                    }
                    _ => None,
                }
            }
            Expr::Macro(m) => {
                let name = last_ident(&m.mac.path)?;
                // `format!("postgres://{user}:{pw}@{host}:6543/postgres")`: what is written
                // (scheme, port, parameters) is known; a placeholder stands for its value.
                if name == "format" {
                    let args = m
                        .mac
                        .parse_body_with(Punctuated::<Expr, Token![,]>::parse_terminated)
                        .ok()?;
                    let Some(Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Str(s),
                        ..
                    })) = args.first()
                    else {
                        return None;
                    };
                    let text = s.value();
                    if !text.contains("://") {
                        return None;
                    }
                    let span = lit_text_span(self.conv, &self.file.text, s);
                    return Some(UrlRef::Literal {
                        text: fill_placeholders(&text, span.start),
                        span,
                    });
                }
                if !matches!(name.as_str(), "env" | "option_env" | "dotenv") {
                    return None;
                }
                let var = m
                    .mac
                    .parse_body_with(Punctuated::<syn::LitStr, Token![,]>::parse_terminated)
                    .ok()?;
                Some(UrlRef::Env {
                    name: var.first()?.value(),
                    span: self.conv.of(m),
                    fallback: None,
                })
            }
            Expr::Field(f) => self.url_from_field(f, pos, depth),
            Expr::Block(b) => self.url_from(block_tail(&b.block)?, pos, depth),
            Expr::Closure(c) => self.url_from(&c.body, pos, depth),
            _ => None,
        }
    }

    pub(super) fn url_from_call(
        &self,
        c: &'ast ExprCall,
        pos: usize,
        depth: usize,
    ) -> Option<UrlRef> {
        let Expr::Path(p) = &*c.func else { return None };
        // `database_url()`: a function of this file returning `env::var("DATABASE_URL")…`
        // (its locals are not followed).
        if c.args.is_empty() {
            let name = p.path.get_ident()?.to_string();
            let body = self.pre.nullary_fns.get(&name)?;
            if depth >= MAX_DEPTH || self.pre.uses.contains_key(&name) {
                return None;
            }
            return self.url_from(block_tail(body)?, 0, depth + 1);
        }
        let first = c.args.first()?;
        let resolved = self.pre.resolve(&p.path);
        if is_env_fn(&resolved) {
            return match self.eval(first, pos, depth) {
                OptValue::Str(name) => Some(UrlRef::Env {
                    name,
                    span: self.conv.of(c),
                    fallback: None,
                }),
                _ => None,
            };
        }
        let n = resolved.len();
        let type_seg = if n >= 2 { resolved.get(n - 2) } else { None };
        // `Some(url)`, `Arc::new(url)`, `String::from(url)`, `PgConnectOptions::from_str(&url)`,
        // `Client::open(url)`, `LazyLock::new(|| env::var("X").unwrap())`: the first argument.
        if is_wrapper_call(&c.func) || type_seg.is_some_and(|t| starts_upper(t)) {
            return self.url_from(first, pos, depth);
        }
        None
    }

    /// `cfg.url` after `cfg.url = Some(…)`; `config.database_url` / `settings.database_url`
    /// (a settings struct read from the environment) → `DATABASE_URL`.
    pub(super) fn url_from_field(
        &self,
        f: &'ast syn::ExprField,
        pos: usize,
        depth: usize,
    ) -> Option<UrlRef> {
        let syn::Member::Named(field) = &f.member else {
            return None;
        };
        let field = field.to_string();
        if let Some(root) = expr_ident(&f.base)
            && let Some(state) = self.fns.last()
            && let Some(set) = state
                .field_sets
                .iter()
                .rev()
                .find(|s| s.root == root && s.field == field && s.end <= pos)
        {
            if depth >= MAX_DEPTH {
                return None;
            }
            return self.url_from(set.value, set.end, depth + 1);
        }
        let base = match &*f.base {
            Expr::Field(b) => match &b.member {
                syn::Member::Named(id) => id.to_string(),
                syn::Member::Unnamed(_) => return None,
            },
            Expr::MethodCall(m) => m.method.to_string(),
            b => expr_ident(b)?,
        }
        .to_ascii_lowercase();
        let configish = base.contains("config")
            || base.contains("settings")
            || matches!(base.as_str(), "cfg" | "conf" | "env");
        let lower = field.to_ascii_lowercase();
        let urlish = lower.ends_with("url") || lower.ends_with("uri") || lower.ends_with("dsn");
        (configish && urlish).then(|| UrlRef::Env {
            name: field.to_ascii_uppercase(),
            span: self.conv.of(f),
            fallback: None,
        })
    }

    /// Does this value configure a client (a config type's struct literal, constructor or
    /// builder chain, `s.parse::<PgConnectOptions>()`, or a local bound to one)?
    pub(super) fn is_config_value(&self, e: &'ast Expr, pos: usize, depth: usize) -> bool {
        match peel(e) {
            Expr::Struct(s) => last_ident(&s.path).is_some_and(|t| is_config_type(&t)),
            Expr::Call(c) => match &*c.func {
                Expr::Path(p) => {
                    let names = seg_names(&p.path);
                    match names.as_slice() {
                        // A config type's constructor, or one the catalogue reads by position
                        // (`PoolConstraints::new(20, 400)`).
                        [.., ty, f] => {
                            is_config_type(ty)
                                || self
                                    .catalog
                                    .positional_options
                                    .iter()
                                    .any(|p| p.ty == *ty && p.function == *f)
                        }
                        _ => false,
                    }
                }
                _ => false,
            },
            Expr::MethodCall(m) => {
                let turbofish = m.turbofish.as_ref().is_some_and(|t| {
                    t.args.iter().any(|a| match a {
                        syn::GenericArgument::Type(Type::Path(tp)) => {
                            last_ident(&tp.path).is_some_and(|t| is_config_type(&t))
                        }
                        _ => false,
                    })
                });
                turbofish || self.is_config_value(&m.receiver, pos, depth)
            }
            e @ Expr::Path(_) => {
                let Some(name) = expr_ident(e) else {
                    return false;
                };
                let typed = self
                    .local(&name)
                    .and_then(|l| l.ty.as_ref())
                    .and_then(|t| t.last())
                    .is_some_and(|t| is_config_type(t));
                typed
                    || match self.lookup(&name, pos) {
                        Found::Value(init, at) if depth < MAX_DEPTH => {
                            self.is_config_value(init, at, depth + 1)
                        }
                        _ => false,
                    }
            }
            _ => false,
        }
    }

    /// The options of the construction's own chain, in source order: builder methods with one
    /// argument (`.max_connections(50)`), the root call (`PoolConfig::new(40)`, the URL of
    /// `Config::from_url(url)`), a struct literal root, or the local the chain starts from with
    /// its `x.field = …` assignments.
    pub(super) fn chain_options(
        &self,
        e: &'ast Expr,
        pos: usize,
        depth: usize,
        acc: &mut ConfigAcc,
    ) {
        match e {
            Expr::MethodCall(m) => {
                self.chain_options(&m.receiver, pos, depth, acc);
                let method = m.method.to_string();
                if m.args.len() == 1
                    && !PASSTHROUGH.contains(&method.as_str())
                    && let Some(a) = m.args.first()
                {
                    self.push_option("", &method, a, pos, depth, acc);
                    // A config given to a builder method (mysql_async's
                    // `.pool_opts(PoolOpts::default().with_constraints(PoolConstraints::new(20, 400)))`).
                    if depth < MAX_DEPTH {
                        self.arg_options(a, pos, depth + 1, acc);
                    }
                }
            }
            Expr::Await(a) => self.chain_options(&a.base, pos, depth, acc),
            Expr::Try(t) => self.chain_options(&t.expr, pos, depth, acc),
            Expr::Paren(p) => self.chain_options(&p.expr, pos, depth, acc),
            Expr::Group(g) => self.chain_options(&g.expr, pos, depth, acc),
            Expr::Reference(r) => self.chain_options(&r.expr, pos, depth, acc),
            Expr::Call(c) if c.args.len() == 1 && is_wrapper_call(&c.func) => {
                if let Some(a) = c.args.first() {
                    self.chain_options(a, pos, depth, acc);
                }
            }
            Expr::Call(c) => self.root_call_options(c, pos, depth, acc),
            Expr::Struct(s) => self.struct_options(s, "", pos, depth, acc),
            Expr::Path(_) => {
                let Some(name) = expr_ident(e) else { return };
                if let Found::Value(init, at) = self.lookup(&name, pos)
                    && depth < MAX_DEPTH
                {
                    self.chain_options(init, at, depth + 1, acc);
                }
                self.field_set_options(&name, pos, depth, acc);
            }
            _ => {}
        }
    }

    pub(super) fn root_call_options(
        &self,
        c: &'ast ExprCall,
        pos: usize,
        depth: usize,
        acc: &mut ConfigAcc,
    ) {
        if let Expr::Path(p) = &*c.func
            && let [.., ty, f] = seg_names(&p.path).as_slice()
        {
            let catalog = self.catalog;
            for p in &catalog.positional_options {
                if *ty == p.ty && *f == p.function {
                    for (key, a) in p.keys.iter().zip(&c.args) {
                        self.push_option("", key, a, pos, depth, acc);
                    }
                }
            }
        }
        if acc.url.is_none() {
            acc.url = c.args.first().and_then(|a| self.url_from(a, pos, depth));
        }
        for a in &c.args {
            self.arg_options(a, pos, depth, acc);
        }
    }

    /// The options of a value passed to the construction, when it is a config: a config
    /// struct, builder or constructor, or a local bound to one (with its `x.field = …`).
    pub(super) fn arg_options(&self, e: &'ast Expr, pos: usize, depth: usize, acc: &mut ConfigAcc) {
        let e = peel(e);
        if let Some(name) = expr_ident(e) {
            if self.is_config_value(e, pos, depth)
                && let Found::Value(init, at) = self.lookup(&name, pos)
                && depth < MAX_DEPTH
            {
                self.chain_options(init, at, depth + 1, acc);
            }
            self.field_set_options(&name, pos, depth, acc);
        } else if self.is_config_value(e, pos, depth) {
            self.chain_options(e, pos, depth, acc);
        }
    }

    /// `name.field = value` assignments before `pos`.
    pub(super) fn field_set_options(
        &self,
        name: &str,
        pos: usize,
        depth: usize,
        acc: &mut ConfigAcc,
    ) {
        let Some(state) = self.fns.last() else { return };
        for set in state
            .field_sets
            .iter()
            .filter(|s| s.root == name && s.end <= pos)
        {
            self.push_option("", &set.field, set.value, set.end, depth, acc);
        }
    }

    pub(super) fn struct_options(
        &self,
        s: &'ast syn::ExprStruct,
        prefix: &str,
        pos: usize,
        depth: usize,
        acc: &mut ConfigAcc,
    ) {
        for f in &s.fields {
            if let syn::Member::Named(id) = &f.member {
                self.push_option(prefix, &id.to_string(), &f.expr, pos, depth, acc);
            }
        }
    }

    /// One option `prefix + key = value`. A nested config (`pool: Some(PoolConfig { max_size: 40,
    /// .. })`, `cfg.pool = Some(PoolConfig::new(40))`) contributes its own options instead, under
    /// the same prefix; another nested struct literal under `key.`.
    pub(super) fn push_option(
        &self,
        prefix: &str,
        key: &str,
        value: &'ast Expr,
        pos: usize,
        depth: usize,
        acc: &mut ConfigAcc,
    ) {
        let inner = peel(value);
        if let Expr::Struct(s) = inner {
            if last_ident(&s.path).is_some_and(|t| is_config_type(&t)) {
                self.struct_options(s, prefix, pos, depth, acc);
            } else {
                self.struct_options(s, &format!("{prefix}{key}."), pos, depth, acc);
            }
            return;
        }
        if depth < MAX_DEPTH && self.is_config_value(inner, pos, depth) {
            self.arg_options(inner, pos, depth + 1, acc);
            return;
        }
        if self.catalog.url_options.iter().any(|u| u == key) && acc.url.is_none() {
            acc.url = self.url_from(value, pos, depth);
        }
        acc.options.push(OptionFact {
            key: format!("{prefix}{key}"),
            value: self.eval(value, pos, depth),
            span: self.conv.of(value_core(value)),
        });
    }
}

/// A `format!` string with each `{name}` replaced by its name and each other `{…}` by a word
/// of its own (`v<at>_<n>`); `{{` and `}}` are the braces themselves.
fn fill_placeholders(text: &str, at: u32) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut n = 0;
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push('}');
            }
            '{' => {
                let mut inner = String::new();
                for d in chars.by_ref() {
                    if d == '}' {
                        break;
                    }
                    inner.push(d);
                }
                // `{host}` reads as `host` in messages; `{}` and `{0:?}` get a word of their own.
                let name = inner.split(':').next().unwrap_or("");
                n += 1;
                if !name.is_empty()
                    && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                    && !name.starts_with(|c: char| c.is_ascii_digit())
                {
                    out.push_str(name);
                } else {
                    out.push_str(&format!("v{at}_{n}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

pub(super) fn loop_kind(k: ScopeKind) -> ScopeKind {
    match k {
        ScopeKind::Function | ScopeKind::Loop => ScopeKind::Loop,
        other => other,
    }
}

impl<'ast> Walker<'_, 'ast> {
    /// The body of a `for` loop: per iteration, except what a retry in a plain function keeps
    /// (see [`Walker::note_retry`]).
    pub(super) fn in_loop(&mut self, body: &syn::Block, f: impl FnOnce(&mut Self)) {
        let mut ctx = self.ctx();
        self.note_retry(ctx.kind, body);
        ctx.kind = loop_kind(ctx.kind);
        if ctx.kind == ScopeKind::Loop {
            ctx.framework = None;
        }
        self.with_ctx(ctx, f);
    }

    /// The body of a `loop {}` or `while` loop: per iteration, in start-up code too, where such
    /// a loop is what keeps the process serving (`loop { let (sock, _) = listener.accept()… }`,
    /// `while let Some(msg) = consumer.next().await`), and so is a `for` loop over a stream of
    /// requests or messages ([`Walker::iterates_stream`]); any other `for` loop in `main` goes
    /// over a finite collection once. A start-up loop that leaves with a value (`break pool`, `return
    /// Ok(client)`) is a retry: what it builds is kept, once. In a plain function, only what
    /// leaves the loop is (see [`Walker::note_retry`]).
    pub(super) fn in_open_loop(&mut self, body: &syn::Block, f: impl FnOnce(&mut Self)) {
        let mut ctx = self.ctx();
        self.note_retry(ctx.kind, body);
        // A daily or hourly job (see [`super::loops::paced_slowly`]) builds at its enclosing
        // code's frequency, not per request.
        if super::loops::paced_slowly(body, self.conv) || super::held::reconnects_after_stream(body)
        {
            self.with_ctx(ctx, f);
            return;
        }
        ctx.kind = match ctx.kind {
            ScopeKind::Startup if !super::loops::leaves_with_value(body) => ScopeKind::Loop,
            k => loop_kind(k),
        };
        if ctx.kind == ScopeKind::Loop {
            ctx.framework = None;
        }
        self.with_ctx(ctx, f);
    }

    /// Does a `for` loop go over a stream of events (see [`stream_receiver`]) of a variable this
    /// function bound to what a call on an address, a subject or options returned
    /// ([`takes_arguments`]: `let server = Server::http(addr)?; for request in
    /// server.incoming_requests()`, `let sub = nc.subscribe(subject)?; for msg in
    /// sub.messages()`), as the last work of its block ([`is_last_work`]: the function ends
    /// when the stream does)? Such a loop runs until the process stops, once per request or
    /// message, like a `loop {}` that accepts or polls.
    pub(super) fn iterates_stream(&self, f: &'ast syn::ExprForLoop) -> bool {
        let iterable = &*f.expr;
        let Some(state) = self.fns.last() else {
            return false;
        };
        // A channel's receiving end (`for msg in &connection.receiver`, `for job in rx.iter()`):
        // messages as they come, until every sender is gone.
        if super::syntax::channel_receiver(iterable)
            && is_last_work(state.body, f, &self.catalog.generic_release)
        {
            return true;
        }
        // A subscription opened inline (`for event in Connection::new()?.subscribe([Window])?`).
        if super::syntax::inline_subscription(iterable)
            && is_last_work(state.body, f, &self.catalog.generic_release)
        {
            return true;
        }
        // The lines of standard input (`for line in stdin.lock().lines()`, a helper Squid or
        // Apache runs and feeds one request per line): requests as they come, until EOF.
        if self.stdin_lines(iterable) && is_last_work(state.body, f, &self.catalog.generic_release)
        {
            return true;
        }
        // A loop whose end is an error (`for readout in reader { … } bail!("stream ended")`).
        if super::loops::ends_in_error(state.body, f) {
            return true;
        }
        let Some(var) = stream_receiver(iterable) else {
            return false;
        };
        if !is_last_work(state.body, f, &self.catalog.generic_release) {
            return false;
        }
        let pos = self.conv.of(iterable).start as usize;
        let Found::Value(init, _) = self.lookup(&var, pos) else {
            return false;
        };
        let opened = match passthrough_root(init) {
            Expr::Call(_) => true,
            Expr::MethodCall(m) => {
                let name = m.method.to_string();
                !STD_METHODS.contains(&name.as_str()) && !ITER_METHODS.contains(&name.as_str())
            }
            _ => false,
        };
        // (Built with no arguments, it is a stream when the loop calls it for one:
        // `I3EventListener::connect()?` then `for event in listener.listen()`.)
        let streamed = matches!(passthrough_root(iterable), Expr::MethodCall(m)
            if super::syntax::stream_method(&m.method.to_string()));
        opened && (takes_arguments(init) || streamed)
    }

    /// `stdin.lock().lines()`, `io::stdin().lines()`, `BufReader::new(io::stdin()).lines()`,
    /// with `stdin` bound to `io::stdin()`.
    fn stdin_lines(&self, iterable: &'ast Expr) -> bool {
        let Expr::MethodCall(m) = passthrough_root(iterable) else {
            return false;
        };
        if m.method != "lines" {
            return false;
        }
        let is_stdin_call = |e: &Expr| {
            matches!(passthrough_root(e), Expr::Call(c)
                if matches!(&*c.func, Expr::Path(p)
                    if p.path.segments.last().is_some_and(|s| s.ident == "stdin")))
        };
        let mut recv = passthrough_root(&m.receiver);
        if let Expr::MethodCall(l) = recv
            && l.method == "lock"
        {
            recv = passthrough_root(&l.receiver);
        }
        // `BufReader::new(io::stdin())`.
        if let Expr::Call(c) = recv
            && c.args.len() == 1
            && is_stdin_call(&c.args[0])
        {
            return true;
        }
        if is_stdin_call(recv) {
            return true;
        }
        let Some(var) = expr_ident(recv) else {
            return false;
        };
        let pos = self.conv.of(iterable).start as usize;
        matches!(self.lookup(&var, pos), Found::Value(init, _) if is_stdin_call(init))
    }

    /// A loop in a plain function that leaves with what it builds (`loop { match
    /// PgPoolOptions::new().connect(url).await { Ok(pool) => break Ok(pool), Err(_) => … } }`)
    /// retries: that construction runs as often as the function does, which its callers decide
    /// (once when only `main` calls it), not once per iteration. Its spans are remembered for
    /// [`Walker::site_ctx`].
    pub(super) fn note_retry(&mut self, outer: ScopeKind, body: &syn::Block) {
        let rx = Rx {
            conv: self.conv,
            deriving: &self.catalog.deriving_methods,
        };
        let again = super::loops::reconnects(body, &rx);
        self.retry_kept.extend(again);
        let exits = super::loops::exit_branches(body, self.conv);
        self.exit_branches.extend(exits);
        if outer != ScopeKind::Function {
            return;
        }
        let kept = super::loops::retry_kept(body, &rx);
        self.retry_kept.extend(kept);
    }

    /// The context of a construction or call at `span`: the walk's, except that one a retry
    /// loop keeps (see [`Walker::note_retry`]) runs at the function's frequency.
    pub(super) fn site_ctx(&self, span: Span) -> Ctx {
        let mut ctx = self.ctx();
        if ctx.kind == ScopeKind::Loop
            && (self.retry_kept.contains(&span)
                || self
                    .exit_branches
                    .iter()
                    .any(|b| b.start <= span.start && span.end <= b.end))
        {
            ctx.kind = ScopeKind::Function;
        }
        ctx
    }

    /// A `static` / `const` initialiser: runs once (`LazyLock::new(|| …)`), at module scope.
    pub(super) fn lazy_item(&mut self, span: Span, expr: &'ast Expr) {
        let test = self.in_test();
        let ctx = Ctx {
            kind: if test {
                ScopeKind::Test
            } else {
                ScopeKind::Module
            },
            framework: if test { Some("test") } else { None },
            fn_idx: None,
            guard: Guard::Lazy,
            closure: false,
            handler_closure: false,
        };
        // Module-level sites are final at once; keep them out of the enclosing fn's pending list.
        let fns = std::mem::take(&mut self.fns);
        self.static_bindings.clear();
        self.stmts.push(span);
        self.with_ctx(ctx, |w| w.visit_expr(expr));
        self.stmts.pop();
        self.fns = fns;
    }
}
