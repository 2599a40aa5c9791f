//! Syntax helpers over syn: span conversion (`Conv`), paths and idents, bindings, value roots,
//! attributes, the file's role, and macro bodies parsed as code.

use super::*;

// ---------------------------------------------------------------------------------------------
// Spans

/// Converts proc-macro2 line/column positions (1-based line, 0-based column in chars) to bytes.
pub(super) struct Conv<'a> {
    pub(super) text: &'a str,
    /// Where each line starts as proc-macro2 counts lines: after `\n` only (a lone `\r` does
    /// not end one there, unlike in [`LineIndex`]).
    pub(super) starts: Vec<usize>,
    /// Lines without a multi-byte character: a column is then a byte count (a span on a long
    /// line no longer costs a walk from the line's start).
    pub(super) ascii: Vec<bool>,
    /// `syn::parse_file` strips a BOM, shifting the columns of line 1 by one char.
    pub(super) bom: bool,
    /// Nodes' first and last tokens, found once ([`Conv::of`]).
    pub(super) ends: super::extent::Memo,
}

impl<'a> Conv<'a> {
    pub(super) fn new(file: &'a SourceFile) -> Self {
        let starts: Vec<usize> = std::iter::once(0)
            .chain(
                file.text
                    .bytes()
                    .enumerate()
                    .filter(|(_, b)| *b == b'\n')
                    .map(|(i, _)| i + 1),
            )
            .collect();
        let ascii = starts
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let end = starts.get(i + 1).copied().unwrap_or(file.text.len());
                file.text
                    .as_bytes()
                    .get(*s..end)
                    .is_some_and(<[u8]>::is_ascii)
            })
            .collect();
        Conv {
            text: &file.text,
            starts,
            ascii,
            bom: file.text.starts_with('\u{feff}'),
            ends: super::extent::Memo::default(),
        }
    }

    pub(super) fn offset(&self, lc: LineColumn) -> Option<usize> {
        let mut column = lc.column;
        if self.bom && lc.line == 1 {
            column += 1;
        }
        let line = lc.line.checked_sub(1)?;
        let start = *self.starts.get(line)?;
        if self.ascii.get(line) == Some(&true) {
            let end = self.starts.get(line + 1).map_or(self.text.len(), |e| e - 1);
            return (start + column <= end).then_some(start + column);
        }
        let rest = self.text.get(start..)?;
        let mut chars = rest.char_indices();
        for _ in 0..column {
            match chars.next() {
                Some((_, '\n')) | None => return None,
                Some(_) => {}
            }
        }
        Some(start + chars.next().map_or(rest.len(), |(i, _)| i))
    }

    pub(super) fn try_span(&self, s: proc_macro2::Span) -> Option<Span> {
        let start = self.offset(s.start())?;
        let end = self.offset(s.end()).unwrap_or(start).max(start);
        Some(Span::new(start, end))
    }

    pub(super) fn span(&self, s: proc_macro2::Span) -> Span {
        self.try_span(s).unwrap_or_default()
    }

    /// The extent of a node, from its first token to its last, in time that does not grow with
    /// its size (see [`super::extent`]).
    pub(super) fn of<T: super::extent::Extent + ?Sized>(&self, node: &T) -> Span {
        let (first, last) = node.ends(&self.ends);
        match self.offset(first.start()) {
            Some(start) => {
                let end = self.offset(last.end()).unwrap_or(start).max(start);
                Span::new(start, end)
            }
            None => Span::default(),
        }
    }
}

pub(super) fn macro_key(m: &Macro) -> (usize, usize) {
    let lc = m.path.span().start();
    (lc.line, lc.column)
}

// ---------------------------------------------------------------------------------------------
// Small syntax helpers

/// How far the walks down one expression's spine (`a.b()?.c().await` to `a`) go. Real chains are a
/// few links long; a bound keeps a walk from every link of a 100,000-link chain linear in all.
pub(super) const SPINE_STEPS: usize = 64;

/// A path written as an argument (`jobs::send_digest`, `on_message`).
pub(super) fn path_arg(e: &Expr) -> Option<&syn::Path> {
    match e {
        Expr::Path(p) if p.qself.is_none() => Some(&p.path),
        _ => None,
    }
}

pub(super) fn seg_names(path: &syn::Path) -> Vec<String> {
    path.segments.iter().map(|s| s.ident.to_string()).collect()
}

pub(super) fn last_ident(path: &syn::Path) -> Option<String> {
    path.segments.last().map(|s| s.ident.to_string())
}

pub(super) fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

pub(super) fn is_all_caps(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_uppercase())
        && s.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
}

/// A single-identifier path expression: `pool`.
pub(super) fn expr_ident(e: &Expr) -> Option<String> {
    match e {
        Expr::Path(p)
            if p.qself.is_none()
                && p.path.leading_colon.is_none()
                && p.path.segments.len() == 1 =>
        {
            p.path.segments.first().map(|s| s.ident.to_string())
        }
        Expr::Paren(p) => expr_ident(&p.expr),
        Expr::Group(g) => expr_ident(&g.expr),
        _ => None,
    }
}

/// The name a pattern binds (the first identifier of a tuple: `let (client, conn) = …`).
pub(super) fn pat_binding(p: &Pat) -> Option<String> {
    match p {
        Pat::Ident(i) => Some(i.ident.to_string()),
        Pat::Type(t) => pat_binding(&t.pat),
        Pat::Reference(r) => pat_binding(&r.pat),
        Pat::Paren(p) => pat_binding(&p.pat),
        Pat::Tuple(t) => t.elems.iter().find_map(pat_binding),
        Pat::TupleStruct(t) => t.elems.iter().find_map(pat_binding),
        _ => None,
    }
}

/// The name an `Ok(x)` / `Some(x)` match arm binds the scrutinee's value to.
pub(super) fn ok_arm_binding(p: &Pat) -> Option<String> {
    match p {
        Pat::TupleStruct(t)
            if t.path
                .segments
                .last()
                .is_some_and(|s| s.ident == "Ok" || s.ident == "Some") =>
        {
            match t.elems.first() {
                Some(Pat::Ident(i)) if t.elems.len() == 1 => Some(i.ident.to_string()),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The value an initialiser binds, seen through `.await`, `?`, `unwrap()`, `Some(..)`,
/// `Arc::new(..)`, `match x { .. }`: the expression whose span a construction would have.
pub(super) fn value_core(e: &Expr) -> &Expr {
    let mut e = e;
    for _ in 0..SPINE_STEPS {
        e = match e {
            Expr::Await(a) => &a.base,
            Expr::Try(t) => &t.expr,
            Expr::Paren(p) => &p.expr,
            Expr::Group(g) => &g.expr,
            Expr::Cast(c) => &c.expr,
            Expr::Match(m) => &m.expr,
            Expr::MethodCall(m) if PASSTHROUGH.contains(&m.method.to_string().as_str()) => {
                &m.receiver
            }
            Expr::Call(c) if c.args.len() == 1 && is_wrapper_call(&c.func) => {
                match c.args.first() {
                    Some(a) => a,
                    None => return e,
                }
            }
            // `open(cfg).await.map(Arc::new)`, `.map(Store::from)`: mapped through a
            // constructor named by path, the value is still what was built.
            Expr::MethodCall(m)
                if m.method == "map" && m.args.len() == 1 && matches!(m.args[0], Expr::Path(_)) =>
            {
                &m.receiver
            }
            _ => return e,
        };
    }
    e
}

/// Does the resolved path `resolved` (`["deadpool", "managed", "Manager"]`) name the catalogue's
/// `pattern` (`deadpool::managed::Manager`): the same crate and the same item, whatever module
/// path between them?
pub(super) fn names_crate_item(pattern: &str, resolved: &[String]) -> bool {
    let (Some(first), Some(last)) = (resolved.first(), resolved.last()) else {
        return false;
    };
    resolved.len() > 1
        && pattern.split("::").next() == Some(first.replace('-', "_").as_str())
        && pattern.rsplit("::").next() == Some(last.as_str())
}

/// The variable a value handed to a store is built from, through what wraps it on the way in:
/// `Store::Pg(db)`, `BlobStore::from(db.clone())`, `db.into()`, `db.with_compression(algo)`
/// (a builder step on it), `Entry { pool: db }`; not a call made with it (`s3.put_object()`).
/// For `self.stores.insert(id, Store::Pg(db))`: the store keeps `db`.
pub(super) fn stored_name(e: &Expr) -> Option<String> {
    let mut e = value_core(e);
    for _ in 0..SPINE_STEPS {
        if let Some(n) = expr_ident(e) {
            return Some(n);
        }
        e = match e {
            // An enum variant or a tuple struct (`Store::Pg(db)`, `Wrapper(db)`), or a
            // conversion (`BlobStore::from(db)`).
            Expr::Call(c) if c.args.len() == 1 => {
                let Expr::Path(p) = &*c.func else { return None };
                let names = seg_names(&p.path);
                let last = names.last()?;
                let tuple_like = last.starts_with(|ch: char| ch.is_ascii_uppercase());
                if !(tuple_like || last == "from" || last == "new") {
                    return None;
                }
                value_core(c.args.first()?)
            }
            // A builder step that hands the value itself on (`db.with_compression(algo)`,
            // `db.into_shared()`), not a call that uses it (`s3.put_object().send()`).
            Expr::MethodCall(m)
                if m.method.to_string().starts_with("with_")
                    || m.method.to_string().starts_with("into_") =>
            {
                value_core(&m.receiver)
            }
            Expr::Struct(st) if st.fields.len() == 1 => value_core(&st.fields.first()?.expr),
            _ => return None,
        };
    }
    None
}

/// `Some(..)`, `Ok(..)`, `Arc::new(..)`, `web::Data::new(..)`, `Mutex::new(..)`.
pub(super) fn is_wrapper_call(func: &Expr) -> bool {
    let Expr::Path(p) = func else { return false };
    let names = seg_names(&p.path);
    match names.as_slice() {
        [one] => matches!(one.as_str(), "Some" | "Ok"),
        [.., ty, f] => {
            f == "new"
                && matches!(
                    ty.as_str(),
                    "Arc" | "Rc" | "Box" | "Data" | "Mutex" | "RwLock" | "RefCell"
                )
        }
        _ => false,
    }
}

/// The root of a method chain, through `.await`, `?`, parentheses and any method call.
pub(super) fn chain_root(e: &Expr) -> &Expr {
    let mut e = e;
    for _ in 0..SPINE_STEPS {
        e = match e {
            Expr::MethodCall(m) => &m.receiver,
            Expr::Await(a) => &a.base,
            Expr::Try(t) => &t.expr,
            Expr::Paren(p) => &p.expr,
            Expr::Group(g) => &g.expr,
            _ => return e,
        };
    }
    e
}

/// The root of a value seen only through value-preserving steps (`?`, `.await`, `unwrap()`).
pub(super) fn passthrough_root(e: &Expr) -> &Expr {
    let mut e = e;
    for _ in 0..SPINE_STEPS {
        e = match e {
            Expr::MethodCall(m) if PASSTHROUGH.contains(&m.method.to_string().as_str()) => {
                &m.receiver
            }
            Expr::Await(a) => &a.base,
            Expr::Try(t) => &t.expr,
            Expr::Paren(p) => &p.expr,
            Expr::Group(g) => &g.expr,
            _ => return e,
        };
    }
    e
}

/// The variable at the root of a place expression: `CACHE` in `*CACHE.lock().unwrap()`, `self`
/// in `self.client`.
pub(super) fn place_root(e: &Expr) -> Option<String> {
    let mut e = e;
    for _ in 0..SPINE_STEPS {
        e = match e {
            Expr::Field(f) => &f.base,
            Expr::Index(i) => &i.expr,
            Expr::MethodCall(m) => &m.receiver,
            Expr::Unary(u) => &u.expr,
            Expr::Paren(p) => &p.expr,
            Expr::Await(a) => &a.base,
            Expr::Try(t) => &t.expr,
            _ => return expr_ident(e),
        };
    }
    None
}

/// Is this an iterator chain (`urls.iter()…`, `(0..n)`, `stream::iter(..)`)?
/// Does a method chain wait on a future along its receivers (`client.stream().await?`)? What
/// it then calls methods on is a stream or a value a future gave, not an iterator.
pub(super) fn awaited_spine(e: &Expr) -> bool {
    let mut e = e;
    for _ in 0..SPINE_STEPS {
        e = match e {
            Expr::Await(_) => return true,
            Expr::MethodCall(m) => &m.receiver,
            Expr::Try(t) => &t.expr,
            Expr::Paren(p) => &p.expr,
            _ => return false,
        };
    }
    false
}

pub(super) fn is_iter_chain(e: &Expr) -> bool {
    let mut e = e;
    for _ in 0..SPINE_STEPS {
        e = match e {
            Expr::MethodCall(m) => {
                if ITER_METHODS.contains(&m.method.to_string().as_str()) {
                    return true;
                }
                &m.receiver
            }
            Expr::Range(_) => return true,
            Expr::Paren(p) => &p.expr,
            Expr::Call(c) => {
                return match &*c.func {
                    Expr::Path(p) => last_ident(&p.path)
                        .is_some_and(|l| matches!(l.as_str(), "iter" | "repeat" | "from_iter")),
                    _ => false,
                };
            }
            _ => return false,
        };
    }
    false
}

/// The variable whose events a `for` loop goes over, when what it iterates is a method called
/// on it without arguments that is neither an iterator adaptor nor a method of the standard
/// library's collections (`server.incoming_requests()`, `sub.messages()`,
/// `consumer.receiver().iter()`, `listener.incoming()`): such a method hands out what arrives
/// (requests, messages, connections) as it arrives. `for x in &items`, `items.iter()`,
/// `text.lines()`, `env::args()` or `rows.get(k)` go over a collection; the caller decides, from
/// how the variable was bound, whether it is one.
pub(super) fn stream_receiver(e: &Expr) -> Option<String> {
    let mut e = e;
    for _ in 0..SPINE_STEPS {
        e = match e {
            Expr::Reference(r) => &r.expr,
            Expr::Paren(p) => &p.expr,
            Expr::Group(g) => &g.expr,
            Expr::MethodCall(m) => {
                let name = m.method.to_string();
                if ITER_METHODS.contains(&name.as_str()) || name == "by_ref" {
                    &m.receiver
                } else if m.args.is_empty()
                    && !STD_METHODS.contains(&name.as_str())
                    && !PASSTHROUGH.contains(&name.as_str())
                {
                    return expr_ident(&m.receiver).filter(|r| r != "self");
                } else {
                    return None;
                }
            }
            _ => return None,
        };
    }
    None
}

/// A stream of events opened on a connection built in the same expression, by a method named
/// for it (`Connection::new()?.subscribe([EventType::Window])?`, `Listener::bind(a)?.incoming()`).
pub(super) fn inline_subscription(e: &Expr) -> bool {
    let Expr::MethodCall(m) = passthrough_root(e) else {
        return false;
    };
    stream_method(&m.method.to_string())
        && matches!(
            passthrough_root(&m.receiver),
            Expr::Call(c) if matches!(&*c.func, Expr::Path(_))
        )
}

/// Is `name` a method that opens a stream of events (`subscribe`, `incoming`, `listen`)?
pub(super) fn stream_method(name: &str) -> bool {
    [
        "subscribe",
        "incoming",
        "listen",
        "watch",
        "events",
        "messages",
    ]
    .iter()
    .any(|p| name.starts_with(p))
}

/// Is `e` a channel's receiving end by its name (`connection.receiver`, `rx`, `jobs_rx`,
/// through `&`, `.iter()`, `.into_iter()`)?
pub(super) fn channel_receiver(e: &Expr) -> bool {
    let named =
        |n: &str| matches!(n, "receiver" | "rx") || n.ends_with("_rx") || n.ends_with("_receiver");
    let mut e = e;
    for _ in 0..SPINE_STEPS {
        e = match e {
            Expr::Reference(r) => &r.expr,
            Expr::Paren(p) => &p.expr,
            Expr::MethodCall(m)
                if matches!(m.method.to_string().as_str(), "iter" | "into_iter") =>
            {
                &m.receiver
            }
            Expr::Field(f) => {
                return matches!(&f.member, syn::Member::Named(i) if named(&i.to_string()));
            }
            Expr::Path(p) => return last_ident(&p.path).is_some_and(|n| named(&n)),
            _ => return false,
        };
    }
    false
}

/// Does some call of a chain take an argument (`Server::http(addr)`, `queue.consume(options)`,
/// `Options::new().connect(url)`)? What hands out requests or messages was opened on an address,
/// a subject or a queue; `Args::parse()` or `Config::from_env()` take none.
pub(super) fn takes_arguments(e: &Expr) -> bool {
    let mut e = e;
    for _ in 0..SPINE_STEPS {
        e = match e {
            Expr::MethodCall(m) => {
                if !m.args.is_empty() && !PASSTHROUGH.contains(&m.method.to_string().as_str()) {
                    return true;
                }
                &m.receiver
            }
            Expr::Call(c) => return !c.args.is_empty(),
            Expr::Await(a) => &a.base,
            Expr::Try(t) => &t.expr,
            Expr::Paren(p) => &p.expr,
            Expr::Group(g) => &g.expr,
            _ => return false,
        };
    }
    false
}

/// Is `target` the last work of the block that holds it, somewhere in `body` (closures
/// included): followed only by what ends a function or a process (`Ok(())`, `return`, a
/// release such as `connection.close()`, `drop(x)`, a thread's `join()`, a log line)? A loop
/// over a stream that is the last thing `main` does is what keeps the process serving; a loop
/// over configured items at start-up is followed by the rest of the start-up.
pub(super) fn is_last_work(body: &Block, target: &syn::ExprForLoop, release: &[String]) -> bool {
    struct Find<'t, 'r> {
        target: &'t syn::ExprForLoop,
        release: &'r [String],
        found: Option<bool>,
    }
    impl Find<'_, '_> {
        fn ends(&self, e: &Expr) -> bool {
            match value_core(e) {
                Expr::Return(_) | Expr::Lit(_) => true,
                Expr::Tuple(t) => t.elems.is_empty(),
                Expr::Call(c) => match &*c.func {
                    Expr::Path(p) => last_ident(&p.path).is_some_and(|l| {
                        matches!(l.as_str(), "Ok" | "Err" | "Some" | "drop" | "exit")
                    }),
                    _ => false,
                },
                Expr::MethodCall(m) => {
                    let name = m.method.to_string();
                    name == "join" || self.release.contains(&name)
                }
                Expr::Macro(m) => !is_expr_macro(&m.mac),
                _ => false,
            }
        }
    }
    fn is_expr_macro(m: &Macro) -> bool {
        last_ident(&m.path).is_some_and(|l| EXPR_MACROS.contains(&l.as_str()))
    }
    impl<'ast> Visit<'ast> for Find<'_, '_> {
        fn visit_block(&mut self, b: &'ast Block) {
            if self.found.is_some() {
                return;
            }
            let at = b.stmts.iter().position(
                |st| matches!(st, Stmt::Expr(Expr::ForLoop(f), _) if std::ptr::eq(f, self.target)),
            );
            if let Some(i) = at {
                let rest = b.stmts.get(i + 1..).unwrap_or_default();
                self.found = Some(rest.iter().all(|st| match st {
                    Stmt::Expr(e, _) => self.ends(e),
                    Stmt::Macro(m) => !is_expr_macro(&m.mac),
                    Stmt::Item(_) => true,
                    Stmt::Local(_) => false,
                }));
                return;
            }
            visit::visit_block(self, b);
        }
    }
    let mut f = Find {
        target,
        release,
        found: None,
    };
    f.visit_block(body);
    f.found.unwrap_or(false)
}

pub(super) fn collect_token_idents(ts: &TokenStream, out: &mut Vec<String>) {
    for tt in ts.clone() {
        match tt {
            TokenTree::Ident(i) => out.push(i.to_string()),
            TokenTree::Group(g) => collect_token_idents(&g.stream(), out),
            _ => {}
        }
    }
}

/// The variable a `match` looks at: `effect`, `&effect`, `effect.kind`, `effect.kind()`.
pub(super) fn match_root(e: &Expr) -> Option<String> {
    match e {
        Expr::Reference(r) => match_root(&r.expr),
        Expr::Field(f) => match_root(&f.base),
        Expr::MethodCall(m) if m.args.is_empty() => match_root(&m.receiver),
        Expr::Paren(p) => match_root(&p.expr),
        other => expr_ident(other),
    }
}

/// The name a plain pattern binds (`x`, `mut x`, `x: T`), not destructuring.
pub(super) fn simple_binding(p: &Pat) -> Option<String> {
    match p {
        Pat::Ident(i) if i.subpat.is_none() => Some(i.ident.to_string()),
        Pat::Type(t) => simple_binding(&t.pat),
        // `let Ok(mut conn) = pool.get() else { return }`: the value unwrapped.
        Pat::TupleStruct(_) => ok_arm_binding(p),
        _ => None,
    }
}

/// The span of a string literal's text, without quotes (`r#"…"#` too).
pub(super) fn lit_text_span(conv: &Conv<'_>, text: &str, lit: &syn::LitStr) -> Span {
    let whole = conv.of(lit);
    let Some(src) = text.get(whole.range()) else {
        return whole;
    };
    let open = src.find('"').map_or(0, |i| i + 1);
    let close = src.rfind('"').unwrap_or(src.len());
    if close < open {
        return whole;
    }
    let start = whole.start as usize;
    Span::new(start + open, start + close)
}

/// Files of targets that can name this package's library crate by its name.
pub(super) fn is_bin_target(rel: &str) -> bool {
    rel == "src/main.rs"
        || ["src/bin/", "tests/", "examples/", "benches/"]
            .iter()
            .any(|p| rel.starts_with(p))
}

pub(super) fn attr_last(a: &Attribute) -> Option<String> {
    last_ident(a.path())
}

/// Does attribute `a` name one of `names`: by its last segment (`handler`), or, for a name
/// written as a path (`celery::task`), by its whole path?
pub(super) fn attr_named(a: &Attribute, names: &[String]) -> bool {
    let path = a.path();
    names.iter().any(|n| {
        if n.contains("::") {
            path.segments.len() == n.split("::").count()
                && path
                    .segments
                    .iter()
                    .zip(n.split("::"))
                    .all(|(s, w)| s.ident == w)
        } else {
            path.segments.last().is_some_and(|s| s.ident == n)
        }
    })
}

/// `#[cfg(test)]`, `#[cfg(all(test, feature = "x"))]` (but not `#[cfg(not(test))]`).
pub(super) fn is_cfg_test(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|a| {
        if !a.path().is_ident("cfg") {
            return false;
        }
        let syn::Meta::List(list) = &a.meta else {
            return false;
        };
        let mut idents = Vec::new();
        collect_token_idents(&list.tokens, &mut idents);
        idents.iter().any(|i| i == "test") && !idents.iter().any(|i| i == "not")
    })
}

/// The feature a `#[cfg(feature = "postgres")]` attribute requires (the simple form only: not
/// `any`, `all` or `not`).
pub(super) fn cfg_feature(attrs: &[Attribute]) -> Option<String> {
    attrs.iter().find_map(|a| {
        if !a.path().is_ident("cfg") {
            return None;
        }
        let syn::Meta::NameValue(nv) = a.parse_args::<syn::Meta>().ok()? else {
            return None;
        };
        if !nv.path.is_ident("feature") {
            return None;
        }
        match &nv.value {
            syn::Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(s),
                ..
            }) => Some(s.value()),
            _ => None,
        }
    })
}

pub(super) fn is_test_attr(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|a| {
        attr_last(a).is_some_and(|l| {
            matches!(
                l.as_str(),
                "test" | "bench" | "rstest" | "test_case" | "quickcheck"
            )
        })
    })
}

/// `#[tokio::main]`, `#[actix_web::main]`, `#[launch]`, `#[rocket::main]`, `#[shuttle_runtime::main]`.
pub(super) fn is_main_attr(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|a| {
        let names = seg_names(a.path());
        match names.last().map(String::as_str) {
            Some("main") => names.len() >= 2,
            Some("launch") => true,
            _ => false,
        }
    })
}

pub(super) fn is_memo_attr(attrs: &[Attribute]) -> bool {
    attrs
        .iter()
        .any(|a| attr_last(a).is_some_and(|l| matches!(l.as_str(), "cached" | "once" | "memoize")))
}

pub(super) fn is_pub(v: &Visibility) -> bool {
    !matches!(v, Visibility::Inherited)
}

/// The role a file's path gives all of its functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum FileRole {
    Normal,
    Test,
    Startup,
}

pub(super) fn file_role(rel: &str) -> FileRole {
    let parts: Vec<&str> = rel.split('/').collect();
    let (name, dirs) = match parts.split_last() {
        Some((n, d)) => (*n, d),
        None => (rel, &[][..]),
    };
    if name == "build.rs" {
        return FileRole::Startup;
    }
    if dirs.iter().any(|d| *d == "tests" || *d == "benches") {
        return FileRole::Test;
    }
    if dirs.contains(&"examples") {
        return FileRole::Startup;
    }
    if matches!(name, "tests.rs" | "test.rs")
        || name.ends_with("_test.rs")
        || name.ends_with("_tests.rs")
    {
        return FileRole::Test;
    }
    FileRole::Normal
}

/// Is `method` named for an event callback by the catalogue's `[registration.inferred]`
/// prefixes and suffixes (`on_clicked`, `connect_clicked`), and not for a once-only event
/// (`on_startup`, `on_ready`) nor denied?
pub(super) fn event_callback_method(reg: &crate::catalog::RegistrationDef, method: &str) -> bool {
    let def = &reg.inferred;
    crate::lang::inferred::event_method(def, method)
        && !crate::lang::inferred::denied(def, method)
        && !def
            .event_prefixes
            .iter()
            .filter_map(|p| method.strip_prefix(p.as_str()))
            .chain(
                def.event_suffixes
                    .iter()
                    .filter_map(|x| method.strip_suffix(x.as_str()))
                    .filter(|verb| !def.registering_verbs.iter().any(|v| v == verb)),
            )
            .any(|e| reg.once_events.iter().any(|o| o == e))
}

/// A method call the catalogue does not name with a registration's shape (see
/// [`crate::lang::inferred`]): a key (a path, a name without spaces, a cron schedule) as a
/// string literal argument, then a callback (`server.at("/orders", handler_service(list))`,
/// `bus.subscribe_to("orders", |m| …)`), or a route path as the receiver (`"/orders".GET(list)`).
/// The index of the first argument that may be the callback. Not one: the catalogue's
/// `[registration.inferred] not_methods`, a once-only event.
pub(super) fn inferred_callbacks(
    def: &crate::catalog::InferredDef,
    once: &[String],
    method: &str,
    receiver: &Expr,
    args: &syn::punctuated::Punctuated<Expr, syn::Token![,]>,
) -> Option<usize> {
    use crate::lang::inferred::{Key, denied, key_of};
    // (`command` is denied as clap's attribute, `#[command(about)]`; a call given a name and a
    // function registers a command: arma-rs's `Group::new().command("kill", stats::kill)`.)
    let command = def.command_methods.iter().any(|m| m == method);
    if denied(def, method) && !command {
        return None;
    }
    let lit = |e: &Expr| match e {
        Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(s),
            ..
        }) => Some(s.value()),
        _ => None,
    };
    let start = if lit(receiver).is_some_and(|v| key_of(&v) == Some(Key::Path)) {
        0
    } else {
        let (i, v) = args
            .iter()
            .enumerate()
            .find_map(|(i, a)| lit(a).map(|v| (i, v)))?;
        if key_of(&v).is_none() || (!command && once.contains(&v)) {
            return None;
        }
        i + 1
    };
    args.iter()
        .skip(start)
        .any(|a| callback_like(a, 0))
        .then_some(start)
}

/// A closure, a function named by path (`list`, `handlers::list`, not `CONFIG` or `Json`), or
/// a call wrapping one (`get(list)`, `handler_service(list)`).
pub(super) fn callback_like(e: &Expr, depth: u8) -> bool {
    match e {
        Expr::Closure(_) => true,
        Expr::Path(p) => fn_path(p),
        Expr::Call(c) if depth < 2 => c.args.iter().any(|a| callback_like(a, depth + 1)),
        _ => false,
    }
}

/// The functions named by path among a registration's callbacks, one call deep (`list` in
/// `get(list)`).
pub(super) fn callback_paths<'a>(e: &'a Expr, depth: u8, out: &mut Vec<&'a syn::Path>) {
    fn_paths(e, depth, true, None, out);
}

/// A path naming a function (`list`, `handlers::list`), not a type, a variant or a constant.
fn fn_path(p: &syn::ExprPath) -> bool {
    p.qself.is_none() && last_ident(&p.path).is_some_and(|l| !starts_upper(&l) && !is_all_caps(&l))
}

/// The paths of functions in an argument: bare, and through wrapper calls (`calls`: `get(list)`)
/// or through tuples, configuring methods and parentheses (`!calls`: `(a, b.run_if(…))`).
fn fn_paths<'a>(
    e: &'a Expr,
    depth: u8,
    calls: bool,
    macros: Option<&'a MacroStore>,
    out: &mut Vec<&'a syn::Path>,
) {
    match e {
        Expr::Path(p) if fn_path(p) => out.push(&p.path),
        Expr::Call(c) if calls && depth < 2 => {
            for a in &c.args {
                fn_paths(a, depth + 1, calls, macros, out);
            }
        }
        Expr::Tuple(t) if !calls && depth < 3 => {
            for x in &t.elems {
                fn_paths(x, depth + 1, calls, macros, out);
            }
        }
        Expr::MethodCall(m) if !calls && depth < 3 => {
            fn_paths(&m.receiver, depth + 1, calls, macros, out)
        }
        Expr::Paren(p) if !calls && depth < 3 => fn_paths(&p.expr, depth + 1, calls, macros, out),
        Expr::Try(t) if !calls && depth < 3 => fn_paths(&t.expr, depth + 1, calls, macros, out),
        // A macro naming one function, and nothing else (goose's `transaction!(checkout)`):
        // the function, handed on.
        Expr::Macro(m) if !calls && depth < 3 => {
            if let Some(MacroContent::Exprs(exprs)) = macros.and_then(|s| s.get(&m.mac))
                && let [only @ Expr::Path(_)] = exprs.as_slice()
            {
                fn_paths(only, depth + 1, calls, macros, out);
            }
        }
        _ => {}
    }
}

/// An attribute the catalogue does not name with a registration's shape: its first argument a
/// route path or a name (`#[route("/orders")]`, `#[subscribe("orders")]`), not one of
/// `[registration.inferred] not_methods` (`#[error("…")]`, `#[doc(…)]`).
pub(super) fn inferred_attr(def: &crate::catalog::InferredDef, attrs: &[Attribute]) -> bool {
    attrs.iter().any(|a| {
        let Some(last) = attr_last(a) else {
            return false;
        };
        if crate::lang::inferred::denied(def, &last) {
            return false;
        }
        let syn::Meta::List(list) = &a.meta else {
            return false;
        };
        let first = list.tokens.clone().into_iter().next();
        let Some(proc_macro2::TokenTree::Literal(l)) = first else {
            return false;
        };
        syn::parse_str::<syn::LitStr>(&l.to_string())
            .ok()
            .is_some_and(|s| crate::lang::inferred::key_of(&s.value()).is_some())
    })
}

/// The functions of the project a method is handed by name, as values: a path (`reconcile`,
/// `handlers::list`), in a tuple (`(simulate, tally).chain()`), or as the receiver of a method
/// that configures it (`push_scores.run_if(on_timer(…))`, `transaction!(checkout).set_weight(2)?`),
/// or named alone in a macro (`transaction!(checkout)`).
pub(super) fn handed_paths<'a>(
    e: &'a Expr,
    depth: u8,
    macros: &'a MacroStore,
    out: &mut Vec<&'a syn::Path>,
) {
    fn_paths(e, depth, false, Some(macros), out);
}

/// The string literals an expression evaluates to: `"…"`, `String::from("…")`, `"…".to_string()`,
/// `Some("…")`, and the fallback of `env::var("X").unwrap_or("…".into())`; `LazyLock::new(|| "…")`.
pub(super) fn string_values(e: &Expr, out: &mut Vec<*const syn::LitStr>) {
    match e {
        Expr::Lit(l) => {
            if let syn::Lit::Str(s) = &l.lit {
                out.push(s);
            }
        }
        Expr::Reference(r) => string_values(&r.expr, out),
        Expr::Paren(p) => string_values(&p.expr, out),
        Expr::Group(g) => string_values(&g.expr, out),
        Expr::Try(t) => string_values(&t.expr, out),
        Expr::Await(a) => string_values(&a.base, out),
        Expr::Block(b) => {
            if let Some(t) = block_tail(&b.block) {
                string_values(t, out);
            }
        }
        Expr::Closure(c) => string_values(&c.body, out),
        Expr::Call(c) if c.args.len() == 1 => {
            if let Expr::Path(p) = &*c.func
                && let Some(last) = last_ident(&p.path)
                && (matches!(last.as_str(), "Some" | "Ok" | "from" | "new")
                    || is_wrapper_call(&c.func))
                && let Some(a) = c.args.first()
            {
                string_values(a, out);
            }
        }
        Expr::MethodCall(m) => {
            let method = m.method.to_string();
            if matches!(
                method.as_str(),
                "unwrap_or" | "unwrap_or_else" | "or" | "or_else" | "get_or_init"
            ) && let Some(a) = m.args.first()
            {
                string_values(a, out);
            }
            if m.args.is_empty() || PASSTHROUGH.contains(&method.as_str()) {
                string_values(&m.receiver, out);
            }
        }
        _ => {}
    }
}

pub(super) fn first_use_segment(tree: &UseTree) -> Option<String> {
    match tree {
        UseTree::Path(p) => Some(p.ident.to_string()),
        UseTree::Name(n) => Some(n.ident.to_string()),
        UseTree::Rename(r) => Some(r.ident.to_string()),
        _ => None,
    }
}

/// `get(h)`, `get(h).post(h2)`, `on(filter, h)`, `MethodRouter::new()…`: an axum method router.
pub(super) fn is_method_router(e: &Expr) -> bool {
    match e {
        Expr::Call(c) => match &*c.func {
            Expr::Path(p) => {
                let names = seg_names(&p.path);
                names
                    .last()
                    .is_some_and(|l| AXUM_METHODS.contains(&l.as_str()) || l == "on")
                    || names.ends_with(&["MethodRouter".to_string(), "new".to_string()])
            }
            _ => false,
        },
        Expr::MethodCall(m) => {
            let method = m.method.to_string();
            (AXUM_METHODS.contains(&method.as_str()) || method == "on")
                && is_method_router(&m.receiver)
        }
        Expr::Paren(p) => is_method_router(&p.expr),
        _ => false,
    }
}

/// Does a method chain name a route path on its way (`app.at("/invoices/:id")`)? Iterative:
/// the chain may be long.
pub(super) fn names_route_path(mut e: &Expr) -> bool {
    loop {
        match e {
            Expr::MethodCall(m) => {
                let path = m.args.iter().any(|a| {
                    matches!(a, Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. })
                        if s.value().starts_with('/'))
                });
                if path {
                    return true;
                }
                e = &m.receiver;
            }
            Expr::Paren(p) => e = &p.expr,
            _ => return false,
        }
    }
}

/// `#[allow(dead_code)]` (or `#[allow(unused, …)]`): its author says nothing may call it.
pub(super) fn allows_dead_code(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|a| {
        a.path().is_ident("allow")
            && a.parse_args_with(
                syn::punctuated::Punctuated::<syn::Path, syn::Token![,]>::parse_terminated,
            )
            .is_ok_and(|list| {
                list.iter()
                    .any(|p| p.is_ident("dead_code") || p.is_ident("unused"))
            })
    })
}

/// A `match` that unwraps its scrutinee: an arm `Ok(c) => c` (or `Some(c) => c`), the others
/// leaving (`Err(e) => return …`).
pub(super) fn unwraps(m: &syn::ExprMatch) -> bool {
    m.arms.iter().any(|arm| {
        ok_arm_binding(&arm.pat)
            .is_some_and(|b| matches!(&*arm.body, Expr::Path(p) if p.path.is_ident(&b)))
    })
}

/// The value a `Result<T, E>` or an `Option<T>` holds (`T`), what `?` or `unwrap()` gives; any
/// other type as it is.
pub(super) fn ok_type(ty: &Type) -> &Type {
    if let Type::Path(tp) = ty
        && tp.qself.is_none()
        && let Some(last) = tp.path.segments.last()
        && matches!(last.ident.to_string().as_str(), "Result" | "Option")
        && let syn::PathArguments::AngleBracketed(args) = &last.arguments
        && let Some(syn::GenericArgument::Type(inner)) = args.args.first()
    {
        return inner;
    }
    ty
}
