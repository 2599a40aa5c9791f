//! How often a loop's body runs: a retry that leaves with what it built, a loop that only gives
//! up, the branches that end a loop, a client rebuilt only when the old one is gone.

use super::*;

/// The visitor methods that keep a loop visitor on its own loop's body: a nested loop counts in
/// `self.nested` (its `break`s are its own); closures, async blocks and items are not this body.
macro_rules! this_loop_only {
    ($lt:lifetime) => {
        fn visit_expr_loop(&mut self, l: &$lt syn::ExprLoop) {
            self.nested += 1;
            syn::visit::visit_expr_loop(self, l);
            self.nested -= 1;
        }
        fn visit_expr_while(&mut self, w: &$lt syn::ExprWhile) {
            self.nested += 1;
            syn::visit::visit_expr_while(self, w);
            self.nested -= 1;
        }
        fn visit_expr_for_loop(&mut self, f: &$lt syn::ExprForLoop) {
            self.nested += 1;
            syn::visit::visit_expr_for_loop(self, f);
            self.nested -= 1;
        }
        fn visit_expr_closure(&mut self, _: &$lt syn::ExprClosure) {}
        fn visit_expr_async(&mut self, _: &$lt syn::ExprAsync) {}
        fn visit_item(&mut self, _: &$lt syn::Item) {}
    };
}

/// Does this loop body leave its loop with a value: a `break value` of this loop (not of a loop
/// nested in it) or a `return value` (a retry loop: `loop { match connect().await { Ok(c) =>
/// break c, Err(_) => sleep().await } }`)? Closures, async blocks and items are not this body.
pub(super) fn leaves_with_value(body: &syn::Block) -> bool {
    struct Exits {
        nested: usize,
        found: bool,
    }
    impl<'ast> syn::visit::Visit<'ast> for Exits {
        fn visit_expr_break(&mut self, b: &'ast syn::ExprBreak) {
            if b.expr.is_some() && (self.nested == 0 || b.label.is_some()) {
                self.found = true;
            }
            syn::visit::visit_expr_break(self, b);
        }
        fn visit_expr_return(&mut self, r: &'ast syn::ExprReturn) {
            // `return Err(e.into())` gives up, and `return Ok(())` hands nothing out: neither
            // is a retry's success (a REPL's `loop { match rl.readline(…) { …, Err(e) =>
            // return Err(e.into()) } }` serves one line per iteration).
            if r.expr.as_deref().is_some_and(|e| !gives_up(e)) {
                self.found = true;
            }
            syn::visit::visit_expr_return(self, r);
        }
        this_loop_only!('ast);
    }
    let mut v = Exits {
        nested: 0,
        found: false,
    };
    syn::visit::Visit::visit_block(&mut v, body);
    v.found
}

/// Is a `for` loop of `body`'s own statements followed by an error (`bail!("P1 stream
/// ended")`, `Err(anyhow!(…))`, `return Err(…)`, `panic!`, `unreachable!`), its body with no
/// `return` and no `break`? The loop is meant never to end: it serves what its iterator brings
/// (a meter's telegrams, a feed's lines) for as long as the process runs. (A search over
/// candidates that bails when none worked returns its find from the body.)
pub(super) fn ends_in_error(body: &syn::Block, f: &syn::ExprForLoop) -> bool {
    let Some(i) = body
        .stmts
        .iter()
        .position(|s| matches!(s, syn::Stmt::Expr(Expr::ForLoop(l), _) if std::ptr::eq(l, f)))
    else {
        return false;
    };
    fn error(e: &Expr) -> bool {
        match e {
            Expr::Macro(m) => last_ident(&m.mac.path)
                .is_some_and(|l| matches!(l.as_str(), "bail" | "panic" | "unreachable")),
            Expr::Return(r) => r.expr.as_deref().is_some_and(error),
            Expr::Call(c) => {
                matches!(&*c.func, Expr::Path(p) if last_ident(&p.path).is_some_and(|l| l == "Err"))
            }
            _ => false,
        }
    }
    let next = match body.stmts.get(i + 1) {
        Some(syn::Stmt::Expr(e, _)) => error(e),
        Some(syn::Stmt::Macro(m)) => last_ident(&m.mac.path)
            .is_some_and(|l| matches!(l.as_str(), "bail" | "panic" | "unreachable")),
        _ => false,
    };
    next && !returns_from(&f.body) && !breaks_out(&f.body)
}

/// Does this loop body `return` (anything: `return Ok(())` ends a search as surely as `return
/// Ok(found)`)? Closures, async blocks and items are not this body.
fn returns_from(body: &syn::Block) -> bool {
    struct Returns {
        nested: usize,
        found: bool,
    }
    impl<'ast> syn::visit::Visit<'ast> for Returns {
        fn visit_expr_return(&mut self, r: &'ast syn::ExprReturn) {
            self.found = true;
            syn::visit::visit_expr_return(self, r);
        }
        this_loop_only!('ast);
    }
    let mut v = Returns {
        nested: 0,
        found: false,
    };
    syn::visit::Visit::visit_block(&mut v, body);
    v.found
}

/// Does this loop body leave its loop: a `break` of it (not of a loop nested in it)?
pub(super) fn breaks_out(body: &syn::Block) -> bool {
    struct Breaks {
        nested: usize,
        found: bool,
    }
    impl<'ast> syn::visit::Visit<'ast> for Breaks {
        fn visit_expr_break(&mut self, b: &'ast syn::ExprBreak) {
            if self.nested == 0 || b.label.is_some() {
                self.found = true;
            }
            syn::visit::visit_expr_break(self, b);
        }
        this_loop_only!('ast);
    }
    let mut v = Breaks {
        nested: 0,
        found: false,
    };
    syn::visit::Visit::visit_block(&mut v, body);
    v.found
}

/// `Err(…)`, `Ok(())` or `()`: a value that is no connection.
fn gives_up(e: &Expr) -> bool {
    match e {
        Expr::Tuple(t) => t.elems.is_empty(),
        Expr::Paren(p) => gives_up(&p.expr),
        Expr::Call(c) => match &*c.func {
            Expr::Path(p) => match last_ident(&p.path).as_deref() {
                Some("Err") => true,
                Some("Ok") => c.args.len() == 1 && c.args.first().is_some_and(gives_up),
                _ => false,
            },
            _ => false,
        },
        _ => false,
    }
}

/// What a retry loop keeps: the constructions whose value leaves the loop, handed out by a
/// `break value` of this loop or a `return value`, directly (`return Ok(PgPool::connect(u).await?)`)
/// or through the name a `let`, an `if let` or a `match` arm (`Ok(x)`, `Some(x)`, `x`) binds
/// it to (`loop { match PgPoolOptions::new().connect(u).await { Ok(pool) => break Ok(pool),
/// Err(_) => sleep(d).await } }`). Such a loop runs again only when the attempt failed: what it
/// keeps is built once per run of the function, not once per iteration. A client that only
/// serves the attempt (`Client::new().get(u).send()` in a polling loop that returns the
/// response) is not kept. An attempt whose success ends the loop (`match
/// client.get_multiplexed_async_connection().await { Ok(c) => { ping(c); break; } Err(_) =>
/// sleep(d).await }`, or `if let Ok(c) = … { …; break }`) is kept too: a readiness probe
/// connects once per run, however often it failed first. Closures, async blocks, items and
/// nested loops are not this body.
pub(super) fn retry_kept(body: &syn::Block, rx: &Rx<'_>) -> HashSet<Span> {
    struct Retry<'a> {
        nested: usize,
        leaving: Vec<&'a Expr>,
        bound: Vec<(&'a Expr, String)>,
        attempts: Vec<&'a Expr>,
    }
    /// The name a pattern binds the success of an attempt to: `pool`, `Ok(pool)`, `Some(c)`.
    fn kept_binding(p: &Pat) -> Option<String> {
        match p {
            Pat::Ident(i) if i.subpat.is_none() => {
                let n = i.ident.to_string();
                (!starts_upper(&n)).then_some(n)
            }
            Pat::Type(t) => kept_binding(&t.pat),
            Pat::Paren(p) => kept_binding(&p.pat),
            Pat::TupleStruct(t)
                if t.elems.len() == 1
                    && last_ident(&t.path).is_some_and(|l| l == "Ok" || l == "Some") =>
            {
                t.elems.first().and_then(kept_binding)
            }
            _ => None,
        }
    }
    /// A success pattern (`Ok(c)`, `Ok(_)`, `Some(c)`): the attempt worked.
    fn is_success(p: &Pat) -> bool {
        match p {
            Pat::TupleStruct(t) => {
                t.elems.len() == 1 && last_ident(&t.path).is_some_and(|l| l == "Ok" || l == "Some")
            }
            Pat::Paren(p) => is_success(&p.pat),
            _ => false,
        }
    }
    impl<'a> syn::visit::Visit<'a> for Retry<'a> {
        fn visit_expr_if(&mut self, i: &'a syn::ExprIf) {
            if self.nested == 0
                && let Expr::Let(l) = &*i.cond
                && is_success(&l.pat)
                && block_may_end_loop(&i.then_branch)
            {
                self.attempts.push(&l.expr);
            }
            syn::visit::visit_expr_if(self, i);
        }
        fn visit_expr_break(&mut self, b: &'a syn::ExprBreak) {
            if let Some(e) = &b.expr
                && (self.nested == 0 || b.label.is_some())
            {
                self.leaving.push(e);
            }
            syn::visit::visit_expr_break(self, b);
        }
        fn visit_expr_return(&mut self, r: &'a syn::ExprReturn) {
            if let Some(e) = &r.expr {
                self.leaving.push(e);
            }
            syn::visit::visit_expr_return(self, r);
        }
        fn visit_expr_match(&mut self, m: &'a syn::ExprMatch) {
            if self.nested == 0 {
                for arm in &m.arms {
                    if let Some(n) = kept_binding(&arm.pat) {
                        self.bound.push((&m.expr, n));
                    }
                    if arm.guard.is_none() && is_success(&arm.pat) && ends_loop(&arm.body) {
                        self.attempts.push(&m.expr);
                    }
                }
            }
            syn::visit::visit_expr_match(self, m);
        }
        fn visit_expr_let(&mut self, l: &'a syn::ExprLet) {
            if self.nested == 0
                && let Some(n) = kept_binding(&l.pat)
            {
                self.bound.push((&l.expr, n));
            }
            syn::visit::visit_expr_let(self, l);
        }
        fn visit_local(&mut self, l: &'a syn::Local) {
            if self.nested == 0
                && let Some(init) = &l.init
                && let Some(n) = kept_binding(&l.pat)
            {
                self.bound.push((&init.expr, n));
            }
            syn::visit::visit_local(self, l);
        }
        this_loop_only!('a);
    }
    let mut v = Retry {
        nested: 0,
        leaving: Vec::new(),
        bound: Vec::new(),
        attempts: Vec::new(),
    };
    syn::visit::Visit::visit_block(&mut v, body);
    // The attempt under the `Result` combinators it is checked through
    // (`Pool::new(opts).and_then(|p| p.get_conn().map(|_| p))`).
    fn attempt_core(e: &Expr) -> &Expr {
        let mut e = value_core(e);
        for _ in 0..8 {
            match e {
                Expr::MethodCall(m)
                    if matches!(
                        m.method.to_string().as_str(),
                        "and_then"
                            | "map"
                            | "map_err"
                            | "or_else"
                            | "inspect"
                            | "inspect_err"
                            | "context"
                            | "with_context"
                    ) =>
                {
                    e = value_core(&m.receiver);
                }
                _ => break,
            }
        }
        e
    }
    let attempts: HashSet<Span> = v
        .attempts
        .iter()
        .flat_map(|e| [rx.conv.of(value_core(e)), rx.conv.of(attempt_core(e))])
        .collect();
    if v.leaving.is_empty() {
        return attempts;
    }
    let mut out = Returns::default();
    for e in &v.leaving {
        returned_expr(e, Mode::Direct, rx, &mut out);
    }
    let mut kept = out.direct_spans;
    // What leaves, through the variables it was bound from (`let result = connect().await;
    // match result { Ok(pool) => return Ok(pool), … }`: `pool` ← `result` ← the attempt), and
    // what it derives from (`return Ok(Store { readings: db.collection("r") })` after `let db =
    // client.database("t")`: the client lives on in the collections).
    let mut names: HashSet<String> = out.direct_names.iter().cloned().collect();
    names.extend(out.derived_names.iter().cloned());
    names.extend(v.attempts.iter().filter_map(|a| expr_ident(value_core(a))));
    loop {
        let before = names.len();
        for (e, n) in &v.bound {
            if names.contains(n) {
                kept.insert(rx.conv.of(value_core(e)));
                if let Some(id) = expr_ident(value_core(e)) {
                    names.insert(id);
                }
                let mut from = Returns::default();
                returned_expr(e, Mode::Direct, rx, &mut from);
                names.extend(from.derived_names);
            }
        }
        if names.len() == before {
            break;
        }
    }
    kept.extend(attempts);
    kept
}

/// Does this arm or branch end by leaving the loop: a `break` of this loop or a `return`, as its
/// last expression?
fn ends_loop(e: &Expr) -> bool {
    match e {
        Expr::Break(b) => b.label.is_none(),
        Expr::Return(_) => true,
        Expr::Block(b) => block_ends_loop(&b.block),
        _ => false,
    }
}

fn block_ends_loop(b: &syn::Block) -> bool {
    match b.stmts.last() {
        Some(syn::Stmt::Expr(e, _)) => ends_loop(e),
        _ => false,
    }
}

/// Does this block end by leaving the loop, or by an `if` that leaves it when the attempt
/// checks out (`if let Ok(r) = probe().await { if r.status().is_success() { break; } }`)?
fn block_may_end_loop(b: &syn::Block) -> bool {
    match b.stmts.last() {
        Some(syn::Stmt::Expr(Expr::If(i), _)) => block_may_end_loop(&i.then_branch),
        _ => block_ends_loop(b),
    }
}

/// Does what `visit` walks hold a loop (outside closures and items)? A branch that loops again
/// is left to the loops' own rules.
fn has_loop(visit: impl FnOnce(&mut LoopFinder)) -> bool {
    let mut f = LoopFinder { found: false };
    visit(&mut f);
    f.found
}

struct LoopFinder {
    found: bool,
}

impl<'a> syn::visit::Visit<'a> for LoopFinder {
    fn visit_expr_loop(&mut self, _: &'a syn::ExprLoop) {
        self.found = true;
    }
    fn visit_expr_while(&mut self, _: &'a syn::ExprWhile) {
        self.found = true;
    }
    fn visit_expr_for_loop(&mut self, _: &'a syn::ExprForLoop) {
        self.found = true;
    }
    fn visit_expr_closure(&mut self, _: &'a syn::ExprClosure) {}
    fn visit_item(&mut self, _: &'a syn::Item) {}
}

/// The branches of a loop's body that end it (a `match` arm or an `if` branch whose last
/// expression is a `break` of this loop or a `return`): what they build runs once per run of the
/// loop, on the way out, not once per iteration (`Ok(Some(token)) => { let c =
/// Client::new(url).with_token(token); …; return Ok(()) }` in a polling loop).
pub(super) fn exit_branches(body: &syn::Block, conv: &Conv<'_>) -> Vec<Span> {
    struct Exits<'c> {
        conv: &'c Conv<'c>,
        nested: usize,
        out: Vec<Span>,
    }
    impl<'a> syn::visit::Visit<'a> for Exits<'_> {
        fn visit_expr_if(&mut self, i: &'a syn::ExprIf) {
            if self.nested == 0
                && block_ends_loop(&i.then_branch)
                && !has_loop(|v| syn::visit::visit_block(v, &i.then_branch))
            {
                self.out.push(self.conv.of(&i.then_branch));
            }
            syn::visit::visit_expr_if(self, i);
        }
        fn visit_arm(&mut self, a: &'a syn::Arm) {
            if self.nested == 0
                && ends_loop(&a.body)
                && !has_loop(|v| syn::visit::visit_expr(v, &a.body))
            {
                self.out.push(self.conv.of(&*a.body));
            }
            syn::visit::visit_arm(self, a);
        }
        this_loop_only!('a);
    }
    let mut v = Exits {
        conv,
        nested: 0,
        out: Vec::new(),
    };
    syn::visit::Visit::visit_block(&mut v, body);
    v.out
}

/// What a loop rebuilds only when the old one is gone: `if client.is_closed() { client =
/// db::connect(url)?; }`, an assignment to a name the `if`'s condition tests (also from an
/// `if let Ok(fresh) = …` or a `match` arm). That runs once per
/// lost connection, not once per iteration. (Loops nested inside are their own.)
pub(super) fn reconnects(body: &syn::Block, rx: &Rx<'_>) -> HashSet<Span> {
    struct Reconnect<'r, 'c> {
        rx: &'r Rx<'c>,
        nested: usize,
        out: HashSet<Span>,
    }
    fn mentions(cond: &Expr, name: &str) -> bool {
        struct Find<'n> {
            name: &'n str,
            found: bool,
        }
        impl<'a> syn::visit::Visit<'a> for Find<'_> {
            fn visit_ident(&mut self, i: &'a proc_macro2::Ident) {
                if i == self.name {
                    self.found = true;
                }
            }
        }
        let mut f = Find { name, found: false };
        syn::visit::Visit::visit_expr(&mut f, cond);
        f.found
    }
    impl<'a> syn::visit::Visit<'a> for Reconnect<'_, '_> {
        fn visit_expr_if(&mut self, i: &'a syn::ExprIf) {
            if self.nested == 0 {
                // The name an arm assigns (`Ok(fresh) => client = fresh`), when the `if` tests it.
                let assigns_tested = |e: &Expr| {
                    let e = match e {
                        Expr::Block(b) => match b.block.stmts.as_slice() {
                            [syn::Stmt::Expr(e, _)] => e,
                            _ => return false,
                        },
                        e => e,
                    };
                    matches!(e, Expr::Assign(a)
                        if expr_ident(&a.left).is_some_and(|n| mentions(&i.cond, &n)))
                };
                for st in &i.then_branch.stmts {
                    match st {
                        syn::Stmt::Expr(Expr::Assign(a), _) => {
                            if let Some(name) = expr_ident(&a.left)
                                && mentions(&i.cond, &name)
                            {
                                self.out.insert(self.rx.conv.of(value_core(&a.right)));
                            }
                        }
                        // `match db::connect(3) { Ok(fresh) => client = fresh, Err(e) => … }`
                        syn::Stmt::Expr(Expr::Match(m), _)
                            if m.arms.iter().any(|arm| assigns_tested(&arm.body)) =>
                        {
                            self.out.insert(self.rx.conv.of(value_core(&m.expr)));
                        }
                        // `if let Ok(fresh) = db::connect(1) { client = fresh; }`
                        syn::Stmt::Expr(Expr::If(inner), _)
                            if matches!(&*inner.cond, Expr::Let(_))
                                && inner.then_branch.stmts.iter().any(
                                    |st| matches!(st, syn::Stmt::Expr(e, _) if assigns_tested(e)),
                                ) =>
                        {
                            if let Expr::Let(l) = &*inner.cond {
                                self.out.insert(self.rx.conv.of(value_core(&l.expr)));
                            }
                        }
                        _ => {}
                    }
                }
            }
            syn::visit::visit_expr_if(self, i);
        }
        this_loop_only!('a);
    }
    let mut v = Reconnect {
        rx,
        nested: 0,
        out: HashSet::new(),
    };
    syn::visit::Visit::visit_block(&mut v, body);
    v.out
}

/// The text of a place expression, without its whitespace (`self.inner.cache.policies`).
pub(super) fn place_text(conv: &Conv<'_>, e: &Expr) -> String {
    let span = conv.of(e);
    conv.text
        .get(span.start as usize..span.end as usize)
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// A fan-out: a `for` loop over a range (`for i in 0..workers`) that binds a client or a
/// connection and moves it into a task or thread it spawns in the same iteration (`join_set.spawn(
/// async move { copy(child, …) })`, `thread::spawn(move || …)`). Each worker keeps its own for
/// its whole life: the loop builds a fixed number per run of its function, not one per event.
/// The spans of those bindings' values, and of the spawned blocks themselves: what a worker
/// builds in its own block (`tokio::spawn(async move { client.get_connection_manager().await })`,
/// the results collected into a hand-made pool) is one per worker too.
pub(super) fn fanned_out(f: &syn::ExprForLoop, conv: &Conv<'_>) -> (HashSet<Span>, Vec<Span>) {
    let mut out = HashSet::new();
    if !matches!(value_core(&f.expr), Expr::Range(_)) {
        return (out, Vec::new());
    }
    struct Spawned<'c> {
        conv: &'c Conv<'c>,
        /// The text of every `move` closure or async block handed to a `…spawn…` call.
        moved: Vec<String>,
        /// Their spans.
        blocks: Vec<Span>,
        nested: usize,
    }
    impl Spawned<'_> {
        /// The text of a `move` closure or `async move` block.
        fn moved_text(&mut self, e: &Expr) -> Option<String> {
            let moving = match e {
                Expr::Closure(c) => c.capture.is_some(),
                Expr::Async(a) => a.capture.is_some(),
                _ => false,
            };
            let span = self.conv.of(e);
            // (A worker that loops over jobs, `while let Ok(job) = rx.recv().await { … }`,
            // runs what is in that loop per job.)
            if moving
                && !has_loop(|f| match e {
                    Expr::Closure(c) => syn::visit::Visit::visit_expr(f, &c.body),
                    Expr::Async(a) => syn::visit::Visit::visit_block(f, &a.block),
                    other => syn::visit::Visit::visit_expr(f, other),
                })
            {
                self.blocks.push(span);
            }
            moving.then(|| {
                self.conv
                    .text
                    .get(span.start as usize..span.end as usize)
                    .unwrap_or("")
                    .to_string()
            })
        }
    }
    impl<'a> syn::visit::Visit<'a> for Spawned<'_> {
        fn visit_expr_method_call(&mut self, m: &'a syn::ExprMethodCall) {
            if self.nested == 0 && m.method.to_string().contains("spawn") {
                let texts: Vec<String> = m.args.iter().filter_map(|a| self.moved_text(a)).collect();
                self.moved.extend(texts);
            }
            syn::visit::visit_expr_method_call(self, m);
        }
        fn visit_expr_call(&mut self, c: &'a syn::ExprCall) {
            if self.nested == 0
                && let Expr::Path(p) = &*c.func
                && last_ident(&p.path).is_some_and(|l| l.contains("spawn"))
            {
                let texts: Vec<String> = c.args.iter().filter_map(|a| self.moved_text(a)).collect();
                self.moved.extend(texts);
            }
            syn::visit::visit_expr_call(self, c);
        }
        this_loop_only!('a);
    }
    let mut v = Spawned {
        conv,
        moved: Vec::new(),
        blocks: Vec::new(),
        nested: 0,
    };
    syn::visit::Visit::visit_block(&mut v, &f.body);
    if v.moved.is_empty() {
        return (out, Vec::new());
    }
    for st in &f.body.stmts {
        let syn::Stmt::Local(l) = st else { continue };
        let (Some(name), Some(init)) = (pat_binding(&l.pat), &l.init) else {
            continue;
        };
        let mentioned = v.moved.iter().any(|t| {
            t.split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .any(|w| w == name)
        });
        if mentioned {
            out.insert(conv.of(value_core(&init.expr)));
        }
    }
    (out, v.blocks)
}

/// Does the loop wait at least an hour on each iteration (`tokio::time::sleep(until_tomorrow)`
/// after `let until_tomorrow = … Duration::days(1) …`, `thread::sleep(Duration::from_secs(24 *
/// 3600))`)? What such a daily or hourly job builds lives one iteration, long past any idle
/// connection's time-out: building it once would keep nothing warm. A `sleep` of this loop's
/// body (not of a nested loop or closure), its duration written there or in a `let` of the body.
pub(super) fn paced_slowly(body: &syn::Block, conv: &Conv<'_>) -> bool {
    struct Sleeps<'a> {
        nested: usize,
        args: Vec<&'a Expr>,
    }
    impl<'a> syn::visit::Visit<'a> for Sleeps<'a> {
        fn visit_expr_call(&mut self, c: &'a syn::ExprCall) {
            if self.nested == 0
                && let Expr::Path(p) = &*c.func
                && last_ident(&p.path).is_some_and(|l| l == "sleep")
                && let Some(a) = c.args.first()
            {
                self.args.push(a);
            }
            syn::visit::visit_expr_call(self, c);
        }
        this_loop_only!('a);
    }
    let mut v = Sleeps {
        nested: 0,
        args: Vec::new(),
    };
    syn::visit::Visit::visit_block(&mut v, body);
    v.args.iter().any(|a| {
        let text = place_text(conv, a);
        // A duration named by a `let` of the body: its initialiser says how long.
        let text = body
            .stmts
            .iter()
            .find_map(|s| match s {
                syn::Stmt::Local(l) => match &l.pat {
                    Pat::Ident(i) if i.ident == text.as_str() => {
                        l.init.as_ref().map(|i| place_text(conv, &i.expr))
                    }
                    Pat::Type(t) => match &*t.pat {
                        Pat::Ident(i) if i.ident == text.as_str() => {
                            l.init.as_ref().map(|i| place_text(conv, &i.expr))
                        }
                        _ => None,
                    },
                    _ => None,
                },
                _ => None,
            })
            .unwrap_or(text);
        at_least_an_hour(&text)
    })
}

/// Does a duration's text (whitespace removed) say an hour or more: `Duration::days(1)`,
/// `Duration::from_hours(6)`, `Duration::from_secs(86400)`, `from_secs(24*60*60)`,
/// `from_mins(90)`?
fn at_least_an_hour(text: &str) -> bool {
    if ["days(", "weeks(", "hours(", "from_hours(", "from_days("]
        .iter()
        .any(|u| text.contains(u))
    {
        return true;
    }
    let seconds_in = |unit: &str| {
        text.find(unit).and_then(|i| {
            let rest = &text[i + unit.len()..];
            let arg = &rest[..rest.find(')')?];
            arg.split('*')
                .map(|f| {
                    f.trim_end_matches("u64")
                        .replace('_', "")
                        .parse::<u64>()
                        .ok()
                })
                .try_fold(1u64, |acc, f| f.map(|f| acc.saturating_mul(f)))
        })
    };
    seconds_in("from_secs(").is_some_and(|s| s >= 3600)
        || seconds_in("from_mins(").is_some_and(|m| m >= 60)
        || seconds_in("minutes(").is_some_and(|m| m >= 60)
        || seconds_in("seconds(").is_some_and(|s| s >= 3600)
}

/// `!path.exists()` (or `is_file()`), alone or in a chain of `&&`: the branch it
/// guards runs when a file is missing, and the file is there the next time (a download into a
/// cache directory).
pub(super) fn fills_missing_file(cond: &syn::Expr) -> bool {
    match cond {
        syn::Expr::Binary(b) if matches!(b.op, syn::BinOp::And(_)) => {
            fills_missing_file(&b.left) || fills_missing_file(&b.right)
        }
        syn::Expr::Paren(p) => fills_missing_file(&p.expr),
        syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Not(_)) => match &*u.expr {
            syn::Expr::MethodCall(m) => {
                matches!(m.method.to_string().as_str(), "exists" | "is_file")
            }
            syn::Expr::Call(c) => match &*c.func {
                // `!Path::new(p).exists()` parses as a method call; `!fs::exists(p)?`-like
                // free functions are read by name.
                syn::Expr::Path(p) => p.path.segments.last().is_some_and(|s| s.ident == "exists"),
                _ => false,
            },
            _ => false,
        },
        _ => false,
    }
}

/// `if slot.is_none() { … *slot = Some(v); }` (or `= connect().ok()`; through a guard of a static, `let mut slot =
/// CONN.lock()?`, or on `self`): the branch fills an empty cache slot, and runs again only once
/// the slot is emptied (a broken connection dropped).
pub(super) fn fills_empty_slot(cond: &Expr, then: &syn::Block) -> bool {
    let syn::Expr::MethodCall(m) = cond else {
        return false;
    };
    if m.method != "is_none" {
        return false;
    }
    let Some(root) = super::syntax::place_root(&m.receiver) else {
        return false;
    };
    then.stmts.iter().any(|st| {
        let syn::Stmt::Expr(syn::Expr::Assign(a), _) = st else {
            return false;
        };
        // (`Some(v)`, or an attempt turned into an option: `Client::open(u).and_then(…).ok()`.)
        let some = matches!(&*a.right, syn::Expr::Call(c)
            if matches!(&*c.func, syn::Expr::Path(p) if p.path.is_ident("Some")))
            || matches!(&*a.right, syn::Expr::MethodCall(m) if m.method == "ok");
        let slot = match &*a.left {
            syn::Expr::Unary(u) if matches!(u.op, syn::UnOp::Deref(_)) => true,
            syn::Expr::Field(_) => root == "self",
            syn::Expr::Path(_) => super::syntax::is_all_caps(&root),
            _ => false,
        };
        some && slot && super::syntax::place_root(&a.left).as_deref() == Some(root.as_str())
    })
}

/// `if !self.hooks.contains_key(name) { …; self.hooks.insert(name.to_string(), hook) }`: a map
/// filled on a miss, one value per key (a per-tenant cache).
pub(super) fn fills_missing_key(cond: &Expr, then: &syn::Block) -> bool {
    let syn::Expr::Unary(u) = cond else {
        return false;
    };
    let syn::Expr::MethodCall(m) = &*u.expr else {
        return false;
    };
    if !matches!(u.op, syn::UnOp::Not(_)) || m.method != "contains_key" {
        return false;
    }
    // `self.hooks`, `hooks`: a place by its field chain.
    fn place(e: &Expr) -> Option<String> {
        match e {
            Expr::Path(p) => p.path.get_ident().map(ToString::to_string),
            Expr::Field(f) => match &f.member {
                syn::Member::Named(n) => Some(format!("{}.{n}", place(&f.base)?)),
                syn::Member::Unnamed(_) => None,
            },
            _ => None,
        }
    }
    let Some(map) = place(&m.receiver) else {
        return false;
    };
    then.stmts.iter().any(|st| {
        matches!(st, syn::Stmt::Expr(syn::Expr::MethodCall(i), _)
            if i.method == "insert" && place(&i.receiver).as_deref() == Some(map.as_str()))
    })
}

/// A block that leaves early when a slot is filled (`if agent.is_some() { …; continue; }`) and
/// fills it further down (`agent = Some(a)`, through a `match` on what builds it): the statements
/// after that guard run only while the slot is empty. Their span.
pub(super) fn after_empty_slot_guard(b: &syn::Block, conv: &Conv<'_>) -> Option<Span> {
    let rest = b.stmts.get(empty_slot_guard(b)? + 1..)?;
    Some(Span {
        start: conv.of(rest.first()?).start,
        end: conv.of(rest.last()?).end,
    })
}

/// The arms of a `match` on an event's name that answer a once-only event (`"init" => …`,
/// `Event::Init(init) => …` of a protocol that sends it once per process: the catalogue's
/// `handshake_events`): what they build is built once, like a slot filled when empty. Their
/// spans.
pub(super) fn once_event_arms(m: &syn::ExprMatch, once: &[String], conv: &Conv<'_>) -> Vec<Span> {
    let named = |p: &syn::Pat| -> Option<String> {
        match p {
            syn::Pat::Lit(l) => match &l.lit {
                syn::Lit::Str(s) => Some(s.value()),
                _ => None,
            },
            syn::Pat::TupleStruct(t) => t.path.segments.last().map(|s| s.ident.to_string()),
            syn::Pat::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
            syn::Pat::Struct(s) => s.path.segments.last().map(|s| s.ident.to_string()),
            _ => None,
        }
    };
    m.arms
        .iter()
        .filter(|a| {
            named(&a.pat).is_some_and(|n| {
                let n = n.to_ascii_lowercase();
                once.contains(&n)
            })
        })
        .map(|a| conv.of(&*a.body))
        .collect()
}

fn empty_slot_guard(b: &syn::Block) -> Option<usize> {
    struct Fills<'r> {
        root: &'r str,
        found: bool,
    }
    impl<'a> syn::visit::Visit<'a> for Fills<'_> {
        fn visit_expr_assign(&mut self, a: &'a syn::ExprAssign) {
            let some = matches!(&*a.right, syn::Expr::Call(c)
                if matches!(&*c.func, syn::Expr::Path(p) if p.path.is_ident("Some")));
            if some && super::syntax::place_root(&a.left).as_deref() == Some(self.root) {
                self.found = true;
            }
            syn::visit::visit_expr_assign(self, a);
        }
    }
    b.stmts.iter().enumerate().find_map(|(i, st)| {
        let syn::Stmt::Expr(syn::Expr::If(x), _) = st else {
            return None;
        };
        let syn::Expr::MethodCall(m) = &*x.cond else {
            return None;
        };
        let diverges = x.else_branch.is_none()
            && matches!(
                x.then_branch.stmts.last(),
                Some(syn::Stmt::Expr(
                    syn::Expr::Continue(_) | syn::Expr::Return(_) | syn::Expr::Break(_),
                    _
                ))
            );
        if m.method != "is_some" || !diverges {
            return None;
        }
        let root = super::syntax::place_root(&m.receiver)?;
        let mut fills = Fills {
            root: &root,
            found: false,
        };
        for later in b.stmts.get(i + 1..).unwrap_or_default() {
            syn::visit::Visit::visit_stmt(&mut fills, later);
        }
        fills.found.then_some(i)
    })
}

/// What a `for` loop keeps per element: a construction whose value the iteration stores in a
/// collection that outlives the iteration (`clients.push((target, make_client(target).await?))`,
/// `pools.insert(name, pool)`, through a tuple, a struct literal, a variant and the loop's own
/// `let`s). One per element, kept with the collection: it runs as often as the loop's function
/// does (a per-target table built when the configuration changes), not once per event.
pub(super) fn collected(body: &syn::Block, conv: &Conv<'_>) -> HashSet<Span> {
    struct Stores<'a> {
        nested: usize,
        lets: Vec<(String, &'a Expr)>,
        /// (the collection's root variable, the values stored in it).
        stored: Vec<(Option<String>, Vec<&'a Expr>)>,
    }
    impl<'a> syn::visit::Visit<'a> for Stores<'a> {
        fn visit_local(&mut self, l: &'a syn::Local) {
            if let (Some(init), Some(name)) = (&l.init, pat_ident(&l.pat)) {
                self.lets.push((name, &init.expr));
            }
            syn::visit::visit_local(self, l);
        }
        fn visit_expr_method_call(&mut self, m: &'a syn::ExprMethodCall) {
            let values: Vec<&Expr> = match m.method.to_string().as_str() {
                "push" | "push_back" | "push_front" => m.args.iter().collect(),
                // `map.insert(key, value)`, `set.insert(value)`, `entry(k).or_insert(v)`.
                "insert" | "or_insert" => {
                    m.args.iter().skip(m.args.len().saturating_sub(1)).collect()
                }
                _ => Vec::new(),
            };
            if !values.is_empty() {
                self.stored.push((place_root(&m.receiver), values));
            }
            syn::visit::visit_expr_method_call(self, m);
        }
        this_loop_only!('a);
    }
    fn pat_ident(p: &Pat) -> Option<String> {
        match p {
            Pat::Ident(i) if i.subpat.is_none() => Some(i.ident.to_string()),
            Pat::Type(t) => pat_ident(&t.pat),
            _ => None,
        }
    }
    /// The values a stored expression is made of: a tuple's or array's elements, a struct
    /// literal's fields, a variant's or tuple struct's arguments (`Some(c)`, `Entry(t, c)`).
    fn parts<'e>(e: &'e Expr, depth: usize, out: &mut Vec<&'e Expr>) {
        let core = value_core(e);
        if depth > 4 {
            out.push(core);
            return;
        }
        match core {
            Expr::Tuple(t) => t.elems.iter().for_each(|x| parts(x, depth + 1, out)),
            Expr::Array(a) => a.elems.iter().for_each(|x| parts(x, depth + 1, out)),
            Expr::Struct(s) => s.fields.iter().for_each(|f| parts(&f.expr, depth + 1, out)),
            Expr::Call(c)
                if matches!(&*c.func, Expr::Path(p) if last_ident(&p.path)
                    .is_some_and(|l| starts_upper(&l))) =>
            {
                c.args.iter().for_each(|x| parts(x, depth + 1, out));
            }
            other => out.push(other),
        }
    }
    let mut v = Stores {
        nested: 0,
        lets: Vec::new(),
        stored: Vec::new(),
    };
    syn::visit::Visit::visit_block(&mut v, body);
    let mut out = HashSet::new();
    for (root, values) in &v.stored {
        // A collection the iteration builds itself goes with it.
        if root
            .as_ref()
            .is_none_or(|r| v.lets.iter().any(|(n, _)| n == r))
        {
            continue;
        }
        let mut todo: Vec<&Expr> = Vec::new();
        for e in values {
            parts(e, 0, &mut todo);
        }
        let mut seen = 0;
        while let Some(e) = todo.pop() {
            seen += 1;
            if seen > 64 {
                break;
            }
            match expr_ident(e).and_then(|n| v.lets.iter().rev().find(|(l, _)| *l == n)) {
                Some((_, init)) => parts(init, 0, &mut todo),
                None => {
                    out.insert(conv.of(e));
                }
            }
        }
    }
    out
}

/// What an iterator chain keeps per element when it ends in `collect()`: the value each
/// `map` / `filter_map` closure of the chain leaves with (`urls.iter().map(|u| Client::builder()
/// .base_url(u).build()).collect::<Vec<_>>()`), one per element, kept with the collection (see
/// [`collected`]).
pub(super) fn collected_by(m: &syn::ExprMethodCall, conv: &Conv<'_>) -> HashSet<Span> {
    let mut out = HashSet::new();
    if m.method != "collect" {
        return out;
    }
    let mut e = &*m.receiver;
    for _ in 0..SPINE_STEPS {
        let Expr::MethodCall(step) = e else { break };
        if matches!(step.method.to_string().as_str(), "map" | "filter_map")
            && let Some(Expr::Closure(c)) = step.args.first()
        {
            let mut leaves = Vec::new();
            closure_value(&c.body, &mut leaves);
            out.extend(leaves.into_iter().map(|x| conv.of(value_core(x))));
        }
        e = &step.receiver;
    }
    out
}

/// The value a closure body leaves with: the expression itself, or a block's tail, through the
/// block's own `let` of that name and through the arms of an `Ok` / `Some` wrapper.
fn closure_value<'e>(body: &'e Expr, out: &mut Vec<&'e Expr>) {
    let core = value_core(body);
    match core {
        Expr::Block(b) => {
            let Some(tail) = block_tail(&b.block) else {
                return;
            };
            let tail = value_core(tail);
            let bound = expr_ident(tail).and_then(|n| {
                b.block.stmts.iter().rev().find_map(|s| match s {
                    syn::Stmt::Local(l) if matches!(&l.pat, Pat::Ident(i) if i.ident == n) => {
                        l.init.as_ref().map(|i| &*i.expr)
                    }
                    _ => None,
                })
            });
            out.push(value_core(bound.unwrap_or(tail)));
        }
        Expr::Async(a) => {
            if let Some(tail) = block_tail(&a.block) {
                out.push(value_core(tail));
            }
        }
        Expr::Tuple(t) => t.elems.iter().for_each(|x| out.push(value_core(x))),
        other => out.push(other),
    }
}

#[cfg(test)]
mod tests {
    use super::at_least_an_hour;

    #[test]
    fn an_hour_or_more_is_a_slow_pace() {
        assert!(at_least_an_hour("Duration::days(1)"));
        assert!(at_least_an_hour("chrono::Duration::hours(6).to_std()"));
        assert!(at_least_an_hour("Duration::from_secs(86_400)"));
        assert!(at_least_an_hour("Duration::from_secs(24*60*60)"));
        assert!(at_least_an_hour("Duration::from_mins(90)"));
        assert!(!at_least_an_hour("Duration::from_secs(60)"));
        assert!(!at_least_an_hour("Duration::from_millis(500)"));
        assert!(!at_least_an_hour("delay"));
        assert!(!at_least_an_hour("Duration::from_secs(interval)"));
    }
}
