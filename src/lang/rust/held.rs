//! A checkout held across a loop that does not end: `let mut conn = pool.get_conn()?;` then
//! `for event in listener.listen() { conn.exec_drop(…)?; }`. It never goes back to its pool, and
//! the pool can neither check nor replace it: after a database restart every use fails.

use super::*;
use crate::facts::Parked;

/// The body of a loop that runs until the process stops: `loop { … }` with no `break`, `while
/// let Some(msg) = stream.next().await { … }`, or a `for` over a stream of events
/// (`listener.listen()`, `rx.iter()`).
pub(super) fn open_loop(e: &Expr) -> Option<&Block> {
    match e {
        Expr::Loop(l) if !super::loops::breaks_out(&l.body) => Some(&l.body),
        Expr::While(w)
            if matches!(&*w.cond, Expr::Let(_)) && !super::loops::breaks_out(&w.body) =>
        {
            Some(&w.body)
        }
        Expr::ForLoop(f) if !super::loops::breaks_out(&f.body) => {
            let streamed = matches!(passthrough_root(&f.expr), Expr::MethodCall(m)
                if super::syntax::stream_method(&m.method.to_string()));
            (streamed || channel_receiver(&f.expr) || inline_subscription(&f.expr))
                .then_some(&f.body)
        }
        _ => None,
    }
}

/// A `let` of a struct literal one of whose fields is a checkout (`let mut session =
/// MinerSession { db: pool.get().await?, … }`): the binding, and the field's value.
fn checkout_field<'l>(
    local: &'l syn::Local,
    methods: &[String],
    text_of: &dyn Fn(&Expr) -> String,
) -> Option<(String, &'l Expr)> {
    let name = pat_binding(&local.pat)?;
    let Expr::Struct(s) = value_core(&local.init.as_ref()?.expr) else {
        return None;
    };
    s.fields
        .iter()
        .find(|f| super::session_state::is_checkout(&f.expr, methods, text_of))
        .map(|f| (name, &f.expr))
}

/// `thread::spawn(move || { …; loop { … } })`, `tokio::spawn(async move { … })`: a loop that
/// does not end, in the body of a closure or `async` block handed to a `spawn` call, and that
/// loop's body.
fn spawned_loop(e: &Expr) -> Option<(&Expr, &Block)> {
    let args = match value_core(e) {
        Expr::Call(c) => match &*c.func {
            Expr::Path(p) if last_ident(&p.path).is_some_and(|l| l.starts_with("spawn")) => &c.args,
            _ => return None,
        },
        Expr::MethodCall(m) if m.method.to_string().starts_with("spawn") => &m.args,
        _ => return None,
    };
    args.iter().find_map(|a| {
        let body = match a {
            Expr::Closure(c) if c.capture.is_some() => {
                // (`move || loop { … }`: the loop is the body.)
                if let Some(b) = open_loop(&c.body) {
                    return Some((&*c.body, b));
                }
                match &*c.body {
                    Expr::Block(b) => &b.block,
                    Expr::Async(b) => &b.block,
                    _ => return None,
                }
            }
            Expr::Async(b) if b.capture.is_some() => &b.block,
            _ => return None,
        };
        body.stmts.iter().find_map(|st| match st {
            Stmt::Expr(l, _) => open_loop(l).map(|b| (l, b)),
            _ => None,
        })
    })
}

/// Does `body` use `name`, and not bind it anew (`conn = pool.get_conn()?` takes a fresh one)?
fn uses_not_renews(body: &Block, name: &str) -> bool {
    struct Uses<'n> {
        name: &'n str,
        used: bool,
        renewed: bool,
    }
    impl<'ast> Visit<'ast> for Uses<'_> {
        fn visit_ident(&mut self, i: &'ast proc_macro2::Ident) {
            if i == self.name {
                self.used = true;
            }
        }
        fn visit_expr_assign(&mut self, a: &'ast syn::ExprAssign) {
            if expr_ident(&a.left).is_some_and(|l| l == self.name) {
                self.renewed = true;
            }
            visit::visit_expr_assign(self, a);
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut v = Uses {
        name,
        used: false,
        renewed: false,
    };
    v.visit_block(body);
    v.used && !v.renewed
}

/// `Ok(())`.
fn is_ok_unit(e: &Expr) -> bool {
    matches!(e, Expr::Call(c) if matches!(&*c.func, Expr::Path(p) if p.path.is_ident("Ok"))
        && matches!(c.args.first(), Some(Expr::Tuple(t)) if t.elems.is_empty())
        && c.args.len() == 1)
}

/// The locals `stmts` bind to what a method chain on `name` (or on such a local) returns: handles
/// that borrow it (`let mut notifications = listener.notifications(); let mut events =
/// notifications.blocking_iter();`), through which a loop uses the checkout.
fn handles_of(stmts: &[Stmt], name: &str) -> Vec<String> {
    let mut out = vec![name.to_string()];
    for st in stmts {
        let Stmt::Local(local) = st else { continue };
        let (Some(init), Some(bound)) = (local.init.as_ref(), simple_binding(&local.pat)) else {
            continue;
        };
        let on_handle = matches!(
            &*init.expr,
            Expr::MethodCall(_) | Expr::Await(_) | Expr::Try(_)
        ) && expr_ident(chain_root(&init.expr)).is_some_and(|r| out.contains(&r));
        if on_handle {
            out.push(bound);
        }
    }
    out.remove(0);
    out
}

/// Does the loop (its head too: `while let Some(n) = events.next()?`) name `name` at all?
fn mentions(e: &Expr, name: &str) -> bool {
    struct Names<'n>(&'n str, bool);
    impl<'ast> Visit<'ast> for Names<'_> {
        fn visit_ident(&mut self, i: &'ast proc_macro2::Ident) {
            self.1 |= i == self.0;
        }
    }
    let mut v = Names(name, false);
    v.visit_expr(e);
    v.1
}

/// Do `stmts` leave the checkout `name` where it is: only borrowed (`&mut conn`, `&*conn`),
/// its fields read, or methods called on it that do not consume it; never moved (given by
/// value, `drop(conn)`), closed or detached, nor rebound? (A name inside a macro's tokens is
/// not seen: `println!("{conn:?}")` borrows anyway.)
fn kept_through(stmts: &[Stmt], name: &str) -> bool {
    const CONSUMING: &[&str] = &["close", "detach", "release", "leak", "into_inner", "take"];
    struct Kept<'n> {
        name: &'n str,
        moved: bool,
    }
    impl Kept<'_> {
        fn is_name(&self, e: &Expr) -> bool {
            expr_ident(e).is_some_and(|i| i == self.name)
        }
    }
    impl<'ast> Visit<'ast> for Kept<'_> {
        fn visit_expr(&mut self, e: &'ast Expr) {
            match e {
                Expr::Reference(r) if self.is_name(&r.expr) => {}
                Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) && self.is_name(&u.expr) => {}
                Expr::Field(f) if self.is_name(&f.base) => {}
                Expr::MethodCall(m) if self.is_name(&m.receiver) => {
                    if CONSUMING.contains(&m.method.to_string().as_str()) {
                        self.moved = true;
                    }
                    for a in &m.args {
                        self.visit_expr(a);
                    }
                }
                Expr::Path(_) if self.is_name(e) => self.moved = true,
                _ => visit::visit_expr(self, e),
            }
        }
        fn visit_item(&mut self, _: &'ast syn::Item) {}
    }
    let mut v = Kept { name, moved: false };
    for st in stmts {
        v.visit_stmt(st);
    }
    !v.moved
}

/// Is this loop body a reconnect loop's: it serves a stream until that ends (a loop that does
/// not end by itself, after the connection is made), then waits before connecting again
/// (`loop { let conn = connect().await?; while let Some(m) = messages.next().await { … }
/// sleep(backoff).await; }`)? What it builds, it builds once per connection, not per message.
pub(super) fn reconnects_after_stream(body: &Block) -> bool {
    let Some(inner) = body
        .stmts
        .iter()
        .position(|st| matches!(st, Stmt::Expr(e, _) if open_loop(e).is_some()))
    else {
        return false;
    };
    body.stmts
        .get(inner + 1..)
        .unwrap_or_default()
        .iter()
        .any(|st| {
            let mut sleeps = false;
            let mut find = |e: &Expr| {
                if let Expr::Call(c) = value_core(e)
                    && let Expr::Path(p) = &*c.func
                    && last_ident(&p.path).is_some_and(|l| l == "sleep")
                {
                    sleeps = true;
                }
            };
            match st {
                Stmt::Expr(e, _) => find(e),
                Stmt::Local(l) => {
                    if let Some(i) = &l.init {
                        find(&i.expr);
                    }
                }
                _ => {}
            }
            sleeps
        })
}

impl<'a, 'ast> Walker<'a, 'ast> {
    /// The checkouts of this function's blocks held across a loop that does not end, after
    /// them in the same block (see the module's documentation).
    pub(super) fn held_across_loops(&mut self, block: &'ast Block, fn_idx: usize, scope: &Scope) {
        struct Blocks<'ast> {
            out: Vec<&'ast Block>,
        }
        impl<'ast> Visit<'ast> for Blocks<'ast> {
            fn visit_block(&mut self, b: &'ast Block) {
                self.out.push(b);
                visit::visit_block(self, b);
            }
            // (Closures' blocks too: `thread::spawn(move || { let conn = pool.get()?; loop
            // { … } })`.)
            fn visit_item(&mut self, _: &'ast syn::Item) {}
        }
        if scope.kind == ScopeKind::Test || self.in_test() {
            return;
        }
        let mut blocks = Blocks { out: Vec::new() };
        blocks.visit_block(block);
        let text_of = |e: &Expr| -> String {
            let span = self.conv.of(e);
            if span.len() <= 240 {
                self.file.slice(span).split_whitespace().collect()
            } else {
                String::new()
            }
        };
        let mut found = Vec::new();
        for b in blocks.out {
            for (i, st) in b.stmts.iter().enumerate() {
                let Stmt::Local(local) = st else { continue };
                let Some(init) = local.init.as_ref() else {
                    continue;
                };
                let methods = &self.catalog.checkout_methods;
                // (Or a field of a struct the `let` builds: `let mut session = MinerSession {
                // db: pool.get().await?, … }` holds the checkout as long as `session` lives.)
                let (name, checkout) =
                    match super::session_state::checkout_binding(local, methods, &text_of) {
                        Some(name) => (name, &*init.expr),
                        None => match checkout_field(local, methods, &text_of) {
                            Some(found) => found,
                            None => continue,
                        },
                    };
                let rest = b.stmts.get(i + 1..).unwrap_or_default();
                // Used by the loop; or only still in scope while it runs, never given up
                // before it (`drop(conn)`, handed on by value, closed).
                let at = rest.iter().enumerate().find_map(|(j, st)| match st {
                    // Moved into a task or thread that loops for good (`thread::spawn(move || {
                    // loop { conn.exec(…) } })`).
                    Stmt::Expr(e, _) if open_loop(e).is_none() => spawned_loop(e)
                        .filter(|(_, body)| uses_not_renews(body, &name))
                        .map(|(l, _)| (self.conv.of(l), false)),
                    Stmt::Expr(e, _) => open_loop(e).and_then(|body| {
                        if uses_not_renews(body, &name) {
                            Some((self.conv.of(e), false))
                        } else {
                            // (Only when nothing but `Ok(())` follows the loop: code after it
                            // says the loop ends, `batch.finish()` after a stdin loop.)
                            let before = rest.get(..j).unwrap_or_default();
                            let last = rest
                                .get(j + 1..)
                                .unwrap_or_default()
                                .iter()
                                .all(|st| matches!(st, Stmt::Expr(t, None) if is_ok_unit(t)));
                            let handles = handles_of(before, &name);
                            (last
                                && !mentions(e, &name)
                                && !handles.iter().any(|h| mentions(e, h))
                                && kept_through(before, &name))
                            .then(|| (self.conv.of(e), true))
                        }
                    }),
                    _ => None,
                });
                let Some((at, idle)) = at else { continue };
                let Some((shown, span)) = self.built_by(value_core(checkout)) else {
                    continue;
                };
                found.push(Parked {
                    owner: None,
                    field: name,
                    ctor: shown,
                    span,
                    at,
                    scope: scope.clone(),
                    in_fn: Some(fn_idx),
                    across_loop: true,
                    idle,
                });
            }
        }
        self.facts.parked.extend(found);
    }
}
