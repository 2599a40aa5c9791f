//! Session state opened by raw SQL on a pooled connection: `let mut conn = pool.acquire().await?;
//! sqlx::query("BEGIN").execute(&mut *conn).await?; … ?; … "COMMIT"`. Dropping the checkout
//! hands the connection back to its pool as it is, so an early `?` or `return` between the
//! opening statement and the one that ends it (the catalogue's `[[session_state]]`: `BEGIN` …
//! `COMMIT` / `ROLLBACK`, `DECLARE … WITH HOLD` … `CLOSE`, `LISTEN` … `UNLISTEN`, an advisory
//! lock) returns it with the transaction, the cursor or the lock still open, for the next
//! borrower. Recorded as a [`SessionSite`] with its [`SqlState`]; closures and async blocks are
//! not this function's paths.

use super::*;
use crate::catalog::SessionStateDef;
use crate::facts::{ClientKind, Closing, SessionAnchors, SessionSite, SqlState};

/// Methods between a checkout and its binding (`pool.get().await.map_err(internal)?`).
const PASS_THROUGH: &[&str] = &[
    "map_err",
    "unwrap",
    "expect",
    "context",
    "with_context",
    "unwrap_or_else",
    "wrap_err",
    "wrap_err_with",
];

/// Checkout methods that also read maps and caches: only on a receiver named like a pool.
const AMBIGUOUS: &[&str] = &["get", "get_owned", "get_timeout", "timeout_get"];

/// What one function body says: SQL literals handed to calls, where checkout bindings are
/// mentioned, statements, and the early exits of the function itself.
#[derive(Default)]
struct Scan<'b> {
    conv: Option<&'b Conv<'b>>,
    bindings: &'b [String],
    /// (text, span) of string literals among a call's arguments (and `format!`'s).
    literals: Vec<(String, Span)>,
    /// Start of each mention of a binding.
    mentions: Vec<u32>,
    stmts: Vec<Span>,
    exits: Vec<u32>,
    /// Each loop of the body (its whole extent) with its label, for `continue` and `break`.
    loops: Vec<(Span, Option<String>)>,
    /// `continue` / `break` (where, label).
    jumps: Vec<(u32, Option<String>)>,
    /// Where each checkout binding is declared (its `let`).
    lets: Vec<(String, u32)>,
    /// Where a checkout is handed on by value: a call's argument (`held.insert(peer, conn)`,
    /// `Ok(conn)`), or captured by a `move` closure or async block.
    moved: Vec<u32>,
    text: &'b str,
    in_args: usize,
    /// Inside an error's annotation (`.context(…)`): its strings are not statements.
    in_annotation: usize,
}

impl Scan<'_> {
    /// A `move` closure or async block whose text names a checkout takes it along.
    fn captured(&mut self, span: Span) {
        let body = self
            .text
            .get(span.start as usize..span.end as usize)
            .unwrap_or("");
        if self.bindings.iter().any(|b| {
            body.match_indices(b.as_str()).any(|(i, _)| {
                let word = |c: char| c.is_alphanumeric() || c == '_';
                !body[..i].ends_with(word) && !body[i + b.len()..].starts_with(word)
            })
        }) {
            self.moved.push(span.start);
        }
    }

    /// A call's argument that is a checkout itself (by value).
    fn moved_arg(&mut self, a: &Expr) {
        if let Expr::Path(p) = a
            && p.path.segments.len() == 1
            && self
                .bindings
                .iter()
                .any(|b| p.path.segments[0].ident == b.as_str())
        {
            let at = self.span(a).start;
            self.moved.push(at);
        }
    }

    fn span<T: super::extent::Extent + ?Sized>(&self, node: &T) -> Span {
        self.conv.map(|c| c.of(node)).unwrap_or_default()
    }

    /// A loop from its keyword to the end of its body.
    fn looped(&mut self, keyword: proc_macro2::Span, body: &Block, label: Option<&syn::Label>) {
        if let Some(c) = self.conv {
            let span = Span {
                start: c.span(keyword).start,
                end: c.of(body).end,
            };
            self.loops
                .push((span, label.map(|l| l.name.ident.to_string())));
        }
    }

    fn jumped(&mut self, keyword: proc_macro2::Span, label: Option<&syn::Lifetime>) {
        if let Some(c) = self.conv {
            let at = c.span(keyword).start;
            self.jumps.push((at, label.map(|l| l.ident.to_string())));
        }
    }

    /// Does the `continue` / `break` at `at` leave a loop that holds both the checkout's `let`
    /// and the statement at `stmt`? Then the checkout is dropped (or the iteration skips its
    /// end) with the state open.
    fn leaves(&self, at: u32, label: Option<&str>, stmt: Span, binding: Option<&str>) -> bool {
        let Some((target, _)) = self
            .loops
            .iter()
            .filter(|(l, name)| {
                l.start <= at && at < l.end && label.is_none_or(|n| name.as_deref() == Some(n))
            })
            .min_by_key(|(l, _)| l.end - l.start)
        else {
            return false;
        };
        let declared_inside = self.lets.iter().any(|(b, at)| {
            binding.is_none_or(|n| n == b) && target.start <= *at && *at < stmt.start
        });
        target.start <= stmt.start && stmt.end <= target.end && declared_inside
    }
}

impl<'ast> Visit<'ast> for Scan<'_> {
    fn visit_expr_closure(&mut self, c: &'ast ExprClosure) {
        if c.capture.is_some() {
            let span = self.span(c);
            self.captured(span);
        }
    }
    fn visit_expr_async(&mut self, a: &'ast syn::ExprAsync) {
        if a.capture.is_some() {
            let span = self.span(&a.block);
            self.captured(span);
        }
    }
    fn visit_item(&mut self, _: &'ast syn::Item) {}

    fn visit_expr_loop(&mut self, l: &'ast syn::ExprLoop) {
        self.looped(l.loop_token.span, &l.body, l.label.as_ref());
        visit::visit_expr_loop(self, l);
    }
    fn visit_expr_while(&mut self, w: &'ast syn::ExprWhile) {
        self.looped(w.while_token.span, &w.body, w.label.as_ref());
        visit::visit_expr_while(self, w);
    }
    fn visit_expr_for_loop(&mut self, f: &'ast syn::ExprForLoop) {
        self.looped(f.for_token.span, &f.body, f.label.as_ref());
        visit::visit_expr_for_loop(self, f);
    }
    fn visit_expr_continue(&mut self, c: &'ast syn::ExprContinue) {
        self.jumped(c.continue_token.span, c.label.as_ref());
    }
    fn visit_expr_break(&mut self, b: &'ast syn::ExprBreak) {
        self.jumped(b.break_token.span, b.label.as_ref());
        visit::visit_expr_break(self, b);
    }
    fn visit_local(&mut self, l: &'ast syn::Local) {
        if let Some(name) = pat_binding(&l.pat)
            && self.bindings.contains(&name)
        {
            let at = self.span(l).start;
            self.lets.push((name, at));
        }
        visit::visit_local(self, l);
    }

    fn visit_stmt(&mut self, s: &'ast Stmt) {
        let span = self.span(s);
        self.stmts.push(span);
        visit::visit_stmt(self, s);
    }

    fn visit_expr_try(&mut self, t: &'ast syn::ExprTry) {
        visit::visit_expr_try(self, t);
        if let Some(c) = self.conv {
            self.exits.push(c.span(t.question_token.span).start);
        }
    }

    fn visit_expr_return(&mut self, r: &'ast syn::ExprReturn) {
        if let Some(c) = self.conv {
            self.exits.push(c.span(r.return_token.span).start);
        }
        visit::visit_expr_return(self, r);
    }

    fn visit_expr_path(&mut self, p: &'ast syn::ExprPath) {
        if p.qself.is_none()
            && p.path.segments.len() == 1
            && self
                .bindings
                .iter()
                .any(|b| p.path.segments[0].ident == b.as_str())
        {
            let at = self.span(p).start;
            self.mentions.push(at);
        }
    }

    fn visit_expr_call(&mut self, c: &'ast ExprCall) {
        self.visit_expr(&c.func);
        self.in_args += 1;
        for a in &c.args {
            self.moved_arg(a);
            self.visit_expr(a);
        }
        self.in_args -= 1;
    }

    // Moved into a struct (`Cursor { conn, category, last_id: 0 }`), kept wherever it goes.
    fn visit_expr_struct(&mut self, st: &'ast syn::ExprStruct) {
        for f in &st.fields {
            self.moved_arg(&f.expr);
        }
        visit::visit_expr_struct(self, st);
    }

    fn visit_expr_method_call(&mut self, m: &'ast ExprMethodCall) {
        self.visit_expr(&m.receiver);
        // An error's words (`.into_database("begin transaction")?`, `.context("BEGIN failed")`)
        // are no statement.
        let method = m.method.to_string();
        let annotation = method.starts_with("into_")
            || matches!(
                method.as_str(),
                "expect"
                    | "context"
                    | "with_context"
                    | "wrap_err"
                    | "wrap_err_with"
                    | "map_err"
                    | "ok_or"
                    | "ok_or_else"
                    | "change_context"
                    | "attach_printable"
                    | "note"
            );
        self.in_args += 1;
        self.in_annotation += usize::from(annotation);
        for a in &m.args {
            self.moved_arg(a);
            self.visit_expr(a);
        }
        self.in_annotation -= usize::from(annotation);
        self.in_args -= 1;
    }

    fn visit_lit_str(&mut self, l: &'ast syn::LitStr) {
        if self.in_args > 0
            && self.in_annotation == 0
            && let Some(c) = self.conv
        {
            self.literals.push((l.value(), c.span(l.span())));
        }
    }

    fn visit_macro(&mut self, m: &'ast Macro) {
        // `format!("BEGIN; DECLARE {name} …")` in a call's arguments: its template.
        if self.in_args > 0
            && last_ident(&m.path).as_deref() == Some("format")
            && let Some(lit) = m
                .tokens
                .clone()
                .into_iter()
                .find_map(|t| syn::parse2::<syn::LitStr>(t.into()).ok())
        {
            self.visit_lit_str(&lit);
        }
    }
}

/// The binding of a `let` whose value is a checkout from a pool (`let mut conn =
/// self.pool.acquire().await?`).
pub(super) fn checkout_binding(
    local: &syn::Local,
    methods: &[String],
    text_of: &dyn Fn(&Expr) -> String,
) -> Option<String> {
    let name = pat_binding(&local.pat)?;
    is_checkout(&local.init.as_ref()?.expr, methods, text_of).then_some(name)
}

/// Is `e` a checkout from a pool (`self.pool.acquire().await?`, through `?`, `.await`, an
/// unwrapping `match` and pass-through methods)?
pub(super) fn is_checkout(e: &Expr, methods: &[String], text_of: &dyn Fn(&Expr) -> String) -> bool {
    let mut e = e;
    loop {
        e = match e {
            Expr::Try(t) => &t.expr,
            Expr::Await(a) => &a.base,
            Expr::Paren(p) => &p.expr,
            // `let conn = match pool.acquire().await { Ok(c) => c, Err(e) => return };`
            Expr::Match(m) if super::syntax::unwraps(m) => &m.expr,
            Expr::MethodCall(m) if PASS_THROUGH.contains(&m.method.to_string().as_str()) => {
                &m.receiver
            }
            Expr::MethodCall(m) => {
                let method = m.method.to_string();
                if !methods.contains(&method) {
                    return false;
                }
                if AMBIGUOUS.contains(&method.as_str()) {
                    let recv = text_of(&m.receiver).to_ascii_lowercase();
                    if !recv.contains("pool") {
                        return false;
                    }
                }
                return true;
            }
            _ => return false,
        };
    }
}

/// The `let` bindings of checkouts anywhere in the body (closures and items left out).
fn checkout_bindings(
    block: &Block,
    methods: &[String],
    text_of: &dyn Fn(&Expr) -> String,
) -> Vec<String> {
    struct Lets<'m> {
        methods: &'m [String],
        text_of: &'m dyn Fn(&Expr) -> String,
        out: Vec<String>,
    }
    impl<'ast> Visit<'ast> for Lets<'_> {
        fn visit_expr_closure(&mut self, _: &'ast ExprClosure) {}
        fn visit_item(&mut self, _: &'ast syn::Item) {}
        fn visit_local(&mut self, l: &'ast syn::Local) {
            if let Some(b) = checkout_binding(l, self.methods, self.text_of) {
                self.out.push(b);
            }
            visit::visit_local(self, l);
        }
    }
    let mut lets = Lets {
        methods,
        text_of,
        out: Vec::new(),
    };
    lets.visit_block(block);
    lets.out
}

/// One statement of a literal, trimmed; at most 80 characters for messages.
fn statements(text: &str) -> impl Iterator<Item = &str> {
    text.split(';').map(str::trim).filter(|s| !s.is_empty())
}

fn short(stmt: &str) -> String {
    let one: String = stmt.split_whitespace().collect::<Vec<_>>().join(" ");
    match one.char_indices().nth(60) {
        Some((i, _)) => format!("{} …", &one[..i]),
        None => one,
    }
}

impl<'a, 'ast> Walker<'a, 'ast> {
    /// Session state raw SQL opens on a checkout of this function's body and some path of the
    /// function leaves open (see the module's documentation).
    pub(super) fn session_state(
        &mut self,
        block: &'ast Block,
        sig: &'ast syn::Signature,
        fn_idx: usize,
        scope: &Scope,
    ) {
        let defs: &[SessionStateDef] = &self.catalog.session_states;
        if defs.is_empty() || matches!(scope.kind, ScopeKind::Module) {
            return;
        }
        // Code run once (`main`): an error ends the process, so only a loop that goes on
        // without ending the state (`continue`) leaves it open for the next borrower.
        let startup = scope.kind == ScopeKind::Startup;
        // Cheap exit: no opening word in the body's text.
        let body = self.file.slice(self.conv.of(block)).to_ascii_uppercase();
        if !defs.iter().any(|d| {
            d.open
                .iter()
                .any(|w| body.contains(&w.to_ascii_uppercase()))
                || d.open_contains
                    .iter()
                    .any(|w| body.contains(&w.to_ascii_uppercase()))
        }) {
            return;
        }
        let (file, conv) = (self.file, self.conv);
        let text_of = |e: &Expr| file.slice(conv.of(e)).to_string();
        // Only where the file uses a pool crate the catalogue knows (a project's own pool type
        // may end its transactions when a checkout is dropped).
        let checkouts = || {
            self.catalog
                .clients
                .iter()
                .filter(|c| c.kind == ClientKind::Checkout)
        };
        let pool_crates: Vec<&str> = checkouts()
            .flat_map(|c| c.modules.iter().map(String::as_str))
            .collect();
        // The pool may be built in another module (`db::pool().get()?`): the manifest says
        // which pool crate the project uses.
        let depends_on_pool = checkouts().any(|c| self.file.project.has_dep(&c.library));
        let uses_pool_crate = depends_on_pool
            || self
                .pre
                .uses
                .values()
                .chain(self.pre.globs.iter())
                .filter_map(|p| p.first())
                .any(|c| pool_crates.contains(&c.as_str()))
            || body.contains("SQLX::")
            || body.contains("DEADPOOL");
        // Parameters that are a single connection the caller holds (`pg: &mut Client`), with
        // the catalogue client of that connection's crate.
        let connections = self.connection_params(sig);
        if !uses_pool_crate && connections.is_empty() {
            return;
        }
        let mut bindings = if uses_pool_crate {
            checkout_bindings(block, &self.catalog.checkout_methods, &text_of)
        } else {
            Vec::new()
        };
        bindings.extend(connections.iter().map(|(n, _)| n.clone()));
        if bindings.is_empty() {
            return;
        }
        let mut scan = Scan {
            conv: Some(self.conv),
            bindings: &bindings,
            text: &self.file.text,
            ..Scan::default()
        };
        scan.visit_block(block);
        // The innermost statement holding a literal that mentions a checkout (`query(if ok {
        // "COMMIT" } else { "ROLLBACK" }).execute(&mut *conn)`: the whole call's).
        let on_checkout = |at: u32| {
            scan.stmts
                .iter()
                .filter(|s| s.start <= at && at < s.end)
                .filter(|s| scan.mentions.iter().any(|m| s.start <= *m && *m < s.end))
                .min_by_key(|s| s.end - s.start)
                .copied()
        };
        let mut events: Vec<(u32, Span, usize, bool, String)> = Vec::new();
        for (text, span) in &scan.literals {
            let Some(stmt) = on_checkout(span.start) else {
                continue;
            };
            for s in statements(text) {
                for (di, d) in defs.iter().enumerate() {
                    if d.opens(s) {
                        events.push((span.start, stmt, di, true, short(s)));
                    } else if d.closes(s) {
                        events.push((span.start, stmt, di, false, short(s)));
                    }
                }
            }
        }
        events.sort_by_key(|e| e.0);
        let library = self
            .catalog
            .clients
            .iter()
            .find(|c| {
                c.kind == ClientKind::Checkout && self.file.project.has_dep(c.library.as_str())
            })
            .or_else(|| {
                self.catalog
                    .clients
                    .iter()
                    .find(|c| c.kind == ClientKind::Checkout)
            })
            .map(|c| c.id.clone())
            .unwrap_or_default();
        for (i, (at, stmt, di, open, text)) in events.iter().enumerate() {
            if !open {
                continue;
            }
            let end = events[i + 1..]
                .iter()
                .find(|e| e.2 == *di && !e.3)
                .map(|e| e.0);
            // Handed on after it (parked in a map, returned, moved into a task): whoever holds
            // it next ends it.
            if scan.moved.iter().any(|m| *m > *at) {
                continue;
            }
            let binding = bindings
                .iter()
                .find(|b| self.file.slice(*stmt).contains(b.as_str()))
                .cloned();
            let connection = binding
                .as_deref()
                .and_then(|b| connections.iter().find(|(n, _)| n == b));
            // A `continue` or `break` out of the loop that took the checkout, before the end.
            let jumped = scan.jumps.iter().any(|(x, label)| {
                stmt.end <= *x
                    && end.is_none_or(|e| *x < e)
                    && scan.leaves(*x, label.as_deref(), *stmt, binding.as_deref())
            });
            let closing = match end {
                // Ended some way connlint does not read (a helper, SQL in a variable).
                None if defs[*di]
                    .close
                    .iter()
                    .chain(defs[*di].close_contains.iter())
                    .any(|w| crate::catalog::has_word(&body, w.trim_end_matches('('))) =>
                {
                    continue;
                }
                None if startup => continue,
                None => Closing::Never,
                Some(end)
                    if jumped
                        || !startup && scan.exits.iter().any(|x| stmt.end <= *x && *x < end) =>
                {
                    Closing::NotOnErrorPaths
                }
                Some(_) => continue,
            };
            let def = &defs[*di];
            let literal = scan
                .literals
                .iter()
                .find(|(_, s)| s.start == *at)
                .map(|(_, s)| *s)
                .unwrap_or(*stmt);
            let (client, kind) = match connection {
                Some((_, id)) => (id.clone(), ClientKind::Connection),
                None => (library.clone(), ClientKind::Checkout),
            };
            self.facts.sessions.push(SessionSite {
                client,
                kind,
                ctor: text.clone(),
                span: literal,
                binding,
                closing,
                release: def.close.first().cloned(),
                scope: scope.clone(),
                in_fn: Some(fn_idx),
                in_generator: false,
                returned: false,
                anchors: SessionAnchors::default(),
                sql_state: Some(SqlState {
                    what: def.what.clone(),
                    statement: text.clone(),
                    ends: def
                        .close
                        .iter()
                        .chain(def.close_contains.iter())
                        .map(|c| format!("`{c}`"))
                        .collect::<Vec<_>>()
                        .join(" / "),
                    loop_exit: jumped,
                }),
                receiver_import: None,
                early_return: None,
                early_before_try: false,
            });
        }
    }

    /// The parameters of `sig` whose type is one of the catalogue's `connection_types`
    /// (through `&mut`, `Arc`, …), with the id of the catalogue client of that type's crate.
    fn connection_params(&self, sig: &syn::Signature) -> Vec<(String, String)> {
        let types = &self.catalog.connection_types;
        if types.is_empty() {
            return Vec::new();
        }
        sig.inputs
            .iter()
            .filter_map(|a| match a {
                FnArg::Typed(t) => Some(t),
                FnArg::Receiver(_) => None,
            })
            .filter_map(|t| {
                let name = pat_binding(&t.pat)?;
                let path = self.value_type(&t.ty)?;
                if !types.iter().any(|ty| names_crate_item(ty, &path)) {
                    return None;
                }
                let krate = path.first()?;
                let id = self
                    .catalog
                    .clients
                    .iter()
                    .find(|c| {
                        c.kind == ClientKind::Connection && c.modules.iter().any(|m| m == krate)
                    })
                    .map(|c| c.id.clone())
                    .unwrap_or_else(|| krate.clone());
                Some((name, id))
            })
            .collect()
    }
}
