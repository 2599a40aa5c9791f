//! Values kept in a slot or a map by hand: a function memoized in a map, a value taken out of
//! its slot (or built when the slot is empty) and put back. What builds them runs once per key
//! or per empty slot, not on every call.

use super::loops::place_text;
use super::*;

/// Is the function memoized by hand in a map: a statement of its body returns early from what
/// the map holds for the key (`if let Some(v) = self.cache.get(domain) { return Ok(v); }`) and
/// the body later stores into that same map (`self.cache.insert(domain, v)`, `.entry(k)`)? What it builds
/// then runs once per key and cache miss, like a `#[cached]` function's.
pub(super) fn memoized_by_map(body: &syn::Block, conv: &Conv<'_>) -> bool {
    /// The receiver of a `.get(…)` an `if let` tests, seen through `?` and `.await`.
    fn got_from(e: &Expr) -> Option<&Expr> {
        match value_core(e) {
            Expr::MethodCall(m) if m.method == "get" || m.method == "get_mut" => Some(&*m.receiver),
            _ => None,
        }
    }
    /// Does what `visit` walks return (closures and items are not this function)?
    fn returns(visit: impl FnOnce(&mut Returns)) -> bool {
        let mut r = Returns { found: false };
        visit(&mut r);
        r.found
    }
    struct Returns {
        found: bool,
    }
    impl<'a> syn::visit::Visit<'a> for Returns {
        fn visit_expr_return(&mut self, _: &'a syn::ExprReturn) {
            self.found = true;
        }
        fn visit_expr_closure(&mut self, _: &'a syn::ExprClosure) {}
        fn visit_expr_async(&mut self, _: &'a syn::ExprAsync) {}
        fn visit_item(&mut self, _: &'a syn::Item) {}
    }
    struct Inserts<'c> {
        conv: &'c Conv<'c>,
        target: String,
        found: bool,
    }
    impl<'a> syn::visit::Visit<'a> for Inserts<'_> {
        fn visit_expr_method_call(&mut self, m: &'a syn::ExprMethodCall) {
            // (`self.cache.insert(k, v)`, or `CACHE.lock().unwrap().entry(k).or_insert(v)`.)
            if (m.method == "insert" || m.method == "entry")
                && place_text(self.conv, &m.receiver) == self.target
            {
                self.found = true;
            }
            syn::visit::visit_expr_method_call(self, m);
        }
        fn visit_expr_closure(&mut self, _: &'a syn::ExprClosure) {}
        fn visit_item(&mut self, _: &'a syn::Item) {}
    }
    for (i, st) in body.stmts.iter().enumerate() {
        let syn::Stmt::Expr(Expr::If(ifx), _) = st else {
            continue;
        };
        let Expr::Let(l) = &*ifx.cond else { continue };
        let Some(map) = got_from(&l.expr) else {
            continue;
        };
        if !returns(|r| syn::visit::Visit::visit_block(r, &ifx.then_branch)) {
            continue;
        }
        let mut ins = Inserts {
            conv,
            target: place_text(conv, map),
            found: false,
        };
        for later in &body.stmts[i + 1..] {
            syn::visit::Visit::visit_stmt(&mut ins, later);
        }
        if ins.found {
            return true;
        }
    }
    false
}

/// A value taken out of a slot or built when the slot is empty, and put back later in the same
/// block (`let account = if let Some(a) = config.account.take() { a } else { build()? };
/// …; config.account.replace(account);`, or `match slot.take() { Some(a) => a, None => … }`,
/// put back with `slot = Some(account)` or `slot.insert(account)`): the building branch runs
/// once, then whenever the slot was left empty. Those branches' spans.
pub(super) fn taken_or_built(b: &syn::Block, conv: &Conv<'_>) -> Vec<Span> {
    struct PutBack<'c> {
        conv: &'c Conv<'c>,
        slot: String,
        name: String,
        found: bool,
    }
    impl PutBack<'_> {
        fn is_name(&self, e: &Expr) -> bool {
            matches!(value_core(e), Expr::Path(p) if p.path.is_ident(&self.name))
        }
    }
    impl<'a> syn::visit::Visit<'a> for PutBack<'_> {
        fn visit_expr_method_call(&mut self, m: &'a syn::ExprMethodCall) {
            if matches!(
                m.method.to_string().as_str(),
                "replace" | "insert" | "get_or_insert"
            ) && m.args.len() == 1
                && m.args.first().is_some_and(|a| self.is_name(a))
                && place_text(self.conv, &m.receiver) == self.slot
            {
                self.found = true;
            }
            syn::visit::visit_expr_method_call(self, m);
        }
        fn visit_expr_assign(&mut self, a: &'a syn::ExprAssign) {
            if place_text(self.conv, &a.left) == self.slot
                && let Expr::Call(c) = &*a.right
                && matches!(&*c.func, Expr::Path(p) if p.path.is_ident("Some"))
                && c.args.first().is_some_and(|x| self.is_name(x))
            {
                self.found = true;
            }
            syn::visit::visit_expr_assign(self, a);
        }
        fn visit_expr_closure(&mut self, _: &'a syn::ExprClosure) {}
        fn visit_item(&mut self, _: &'a syn::Item) {}
    }
    let mut out = Vec::new();
    for (i, st) in b.stmts.iter().enumerate() {
        let syn::Stmt::Local(local) = st else {
            continue;
        };
        let syn::Pat::Ident(pi) = &local.pat else {
            continue;
        };
        let Some(init) = &local.init else { continue };
        let (slot, built): (&Expr, Span) = match &*init.expr {
            Expr::If(ifx) => {
                let Expr::Let(l) = &*ifx.cond else { continue };
                let Expr::MethodCall(m) = &*l.expr else {
                    continue;
                };
                let Some((_, els)) = &ifx.else_branch else {
                    continue;
                };
                if m.method != "take"
                    || !matches!(&*l.pat, syn::Pat::TupleStruct(t) if t.path.is_ident("Some"))
                {
                    continue;
                }
                (&*m.receiver, conv.of(&**els))
            }
            Expr::Match(mx) => {
                let Expr::MethodCall(m) = &*mx.expr else {
                    continue;
                };
                if m.method != "take" {
                    continue;
                }
                let Some(arm) = mx.arms.iter().find(|a| {
                    matches!(&a.pat, syn::Pat::Ident(p) if p.ident == "None")
                        || matches!(&a.pat, syn::Pat::Path(p) if p.path.is_ident("None"))
                }) else {
                    continue;
                };
                (&*m.receiver, conv.of(&*arm.body))
            }
            _ => continue,
        };
        let mut put = PutBack {
            conv,
            slot: place_text(conv, slot),
            name: pi.ident.to_string(),
            found: false,
        };
        for later in &b.stmts[i + 1..] {
            syn::visit::Visit::visit_stmt(&mut put, later);
        }
        if put.found {
            out.push(built);
        }
    }
    out
}
