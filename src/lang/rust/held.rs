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
            fn visit_expr_closure(&mut self, _: &'ast ExprClosure) {}
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
                let Some(name) = super::session_state::checkout_binding(
                    local,
                    &self.catalog.checkout_methods,
                    &text_of,
                ) else {
                    continue;
                };
                let Some(init) = local.init.as_ref() else {
                    continue;
                };
                let rest = b.stmts.get(i + 1..).unwrap_or_default();
                // (Given up before the loop, `drop(conn)`, or handed on: not held by it.)
                let at = rest.iter().find_map(|st| match st {
                    Stmt::Expr(e, _) => open_loop(e)
                        .filter(|body| uses_not_renews(body, &name))
                        .map(|_| self.conv.of(e)),
                    _ => None,
                });
                let Some(at) = at else { continue };
                let Some((shown, span)) = self.built_by(value_core(&init.expr)) else {
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
                });
            }
        }
        self.facts.parked.extend(found);
    }
}
