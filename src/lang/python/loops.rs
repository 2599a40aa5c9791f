//! Which loops end: a body that leaves its loop (a retry), a fallback loop whose `try:` leaves
//! once what it tried worked.

use super::*;

/// Does this loop body leave its loop: a `break` of this loop or a `return` (nested loops,
/// functions, classes and lambdas are not this body)? A body too large to scan cheaply counts
/// as leaving (the loop is then judged as before: once, in start-up code).
pub(super) fn leaves_loop(body: Node<'_>) -> bool {
    const BUDGET: usize = 20_000;
    let mut seen = 0;
    let mut stack = vec![body];
    while let Some(n) = stack.pop() {
        seen += 1;
        if seen > BUDGET {
            return true;
        }
        match n.kind_name() {
            "break_statement" | "return_statement" => return true,
            "for_statement"
            | "while_statement"
            | "function_definition"
            | "class_definition"
            | "lambda"
                if n != body =>
            {
                // A `return` inside a nested loop still leaves this one.
                if matches!(n.kind_name(), "for_statement" | "while_statement")
                    && contains_kind(n, "return_statement", BUDGET)
                {
                    return true;
                }
            }
            _ => {
                let mut cursor = n.walk();
                stack.extend(n.named_children(&mut cursor));
            }
        }
    }
    false
}

/// Does this `while` body serve until it is stopped: it never leaves, or it leaves only to end
/// and does its work after its last exit (`while not stop.is_set(): event = await sub.get();
/// if event is None: break; await on_event(event)`: one event per iteration)? A retry (`try:
/// conn = connect(); break`) or a readiness probe (`if ready(): break; time.sleep(1)`) leaves
/// once what it tried worked: what follows its last exit only waits or logs.
pub(super) fn serves_until_stopped(body: Node<'_>, src: &str) -> bool {
    if !leaves_loop(body) {
        return true;
    }
    if tries_until_it_leaves(body) {
        return false;
    }
    let mut cursor = body.walk();
    let stmts: Vec<Node> = body.named_children(&mut cursor).collect();
    let Some(last_exit) = stmts.iter().rposition(|s| leaves_loop(*s)) else {
        return false;
    };
    if stmts[last_exit + 1..].iter().any(|s| does_work(*s, src)) {
        return true;
    }
    // Or it receives, then works, and leaves only on a condition of its own (`topic, data =
    // subscriber.get(); dispatch(topic, data); for st in status.poll(): if lost(st): return`):
    // the exits read nothing that work gave, as a retry's `if conn: break` does.
    let exits: Vec<Node> = stmts.iter().copied().filter(|s| leaves_loop(*s)).collect();
    let read_by_exit = |name: &str| exits.iter().any(|e| mentions(*e, name, src));
    let first_exit = stmts
        .iter()
        .position(|s| leaves_loop(*s))
        .unwrap_or(last_exit);
    let before = &stmts[..first_exit];
    let receives = before.first().is_some_and(|s| {
        s.kind_name() == "expression_statement"
            && s.named_child(0).is_some_and(|a| {
                a.kind_name() == "assignment"
                    && a.field("right")
                        .map(|r| {
                            if r.kind_name() == "await" {
                                r.named_child(0).unwrap_or(r)
                            } else {
                                r
                            }
                        })
                        .is_some_and(|r| r.kind_name() == "call")
            })
    });
    receives
        && before.iter().skip(1).any(|s| does_work(*s, src))
        && before
            .iter()
            .all(|s| assigned_names(*s, src).iter().all(|n| !read_by_exit(n)))
}

/// Does `node` contain the identifier `name` (nested functions included: cheap and cautious)?
pub(super) fn mentions(node: Node<'_>, name: &str, src: &str) -> bool {
    let mut stack = vec![node];
    let mut seen = 0;
    while let Some(n) = stack.pop() {
        seen += 1;
        if seen > 5_000 {
            return true;
        }
        if n.kind_name() == "identifier" && text(n, src) == name {
            return true;
        }
        let mut cursor = n.walk();
        stack.extend(n.named_children(&mut cursor));
    }
    false
}

/// The names a statement assigns at its top (`topic, data = sub.get()` → `topic`, `data`).
fn assigned_names<'s>(stmt: Node<'_>, src: &'s str) -> Vec<&'s str> {
    let mut out = Vec::new();
    let Some(a) = stmt
        .named_child(0)
        .filter(|_| stmt.kind_name() == "expression_statement")
        .filter(|a| matches!(a.kind_name(), "assignment" | "augmented_assignment"))
    else {
        return out;
    };
    let Some(left) = a.field("left") else {
        return out;
    };
    let mut stack = vec![left];
    while let Some(n) = stack.pop() {
        if n.kind_name() == "identifier" {
            out.push(&src[n.byte_range()]);
        } else if matches!(
            n.kind_name(),
            "pattern_list" | "tuple_pattern" | "list_pattern"
        ) {
            let mut cursor = n.walk();
            stack.extend(n.named_children(&mut cursor));
        }
    }
    out
}

/// Does this statement call something other than a wait, a log or a release (`time.sleep(1)`,
/// `await asyncio.sleep(1)`, `log.warning(…)`, `print(…)`, `probe.close()`)? Nested functions and classes are not
/// searched.
fn does_work(stmt: Node<'_>, src: &str) -> bool {
    const WAITS: &[&str] = &[
        "sleep",
        "wait",
        "wait_for",
        "print",
        "log",
        "debug",
        "info",
        "warning",
        "warn",
        "error",
        "exception",
        "critical",
        "close",
        "aclose",
        "release",
        "dispose",
        "disconnect",
    ];
    let mut stack = vec![stmt];
    let mut seen = 0;
    while let Some(n) = stack.pop() {
        seen += 1;
        if seen > 5_000 {
            return true;
        }
        if matches!(
            n.kind_name(),
            "function_definition" | "class_definition" | "lambda"
        ) {
            continue;
        }
        if n.kind_name() == "call"
            && let Some(f) = n.child_by_field_name("function")
        {
            let name = match f.kind_name() {
                "attribute" => f.child_by_field_name("attribute"),
                "identifier" => Some(f),
                _ => None,
            };
            if !name.is_some_and(|name| WAITS.contains(&text(name, src))) {
                return true;
            }
        }
        let mut cursor = n.walk();
        stack.extend(n.named_children(&mut cursor));
    }
    false
}

/// Is this loop body a fallback: a `try:` whose block leaves the loop (`break` or `return`) once
/// what it tried worked, or a body that ends by leaving the loop and goes round again only from
/// an `except` (`for enc in (True, False): try: cam = connect(enc) except Fault: continue;
/// transport = build(); return cam`)? (Nested loops, functions, classes and lambdas are not
/// searched.)
pub(super) fn is_fallback_loop(body: Node<'_>) -> bool {
    ends_by_leaving(body) || tries_until_it_leaves(body)
}

/// Does the body's last statement leave the loop (`return` / `break`), every `continue` of the
/// body sitting in an `except` clause? Then only a failure goes round again.
fn ends_by_leaving(body: Node<'_>) -> bool {
    const BUDGET: usize = 20_000;
    let mut cursor = body.walk();
    let last = body.named_children(&mut cursor).last();
    if !last.is_some_and(|l| matches!(l.kind_name(), "return_statement" | "break_statement")) {
        return false;
    }
    let mut seen = 0;
    let mut stack = vec![(body, false)];
    while let Some((n, in_except)) = stack.pop() {
        seen += 1;
        if seen > BUDGET {
            return false;
        }
        match n.kind_name() {
            "continue_statement" if !in_except => return false,
            "for_statement"
            | "while_statement"
            | "function_definition"
            | "class_definition"
            | "lambda"
                if n != body => {}
            kind => {
                let in_except = in_except || kind == "except_clause";
                let mut cursor = n.walk();
                stack.extend(n.named_children(&mut cursor).map(|c| (c, in_except)));
            }
        }
    }
    true
}

fn tries_until_it_leaves(body: Node<'_>) -> bool {
    const BUDGET: usize = 20_000;
    let nested = |n: Node<'_>| {
        matches!(
            n.kind_name(),
            "for_statement"
                | "while_statement"
                | "function_definition"
                | "class_definition"
                | "lambda"
        )
    };
    let mut seen = 0;
    let mut stack = vec![body];
    while let Some(n) = stack.pop() {
        seen += 1;
        if seen > BUDGET {
            return false;
        }
        if n != body && nested(n) {
            continue;
        }
        if n.kind_name() == "try_statement"
            && let Some(block) = n.child_by_field_name("body")
        {
            let mut inner = vec![block];
            while let Some(m) = inner.pop() {
                seen += 1;
                if seen > BUDGET {
                    return false;
                }
                if matches!(m.kind_name(), "break_statement" | "return_statement") {
                    return true;
                }
                if m != block && nested(m) {
                    continue;
                }
                let mut cursor = m.walk();
                inner.extend(m.named_children(&mut cursor));
            }
        }
        let mut cursor = n.walk();
        stack.extend(n.named_children(&mut cursor));
    }
    false
}

/// Is this `while` loop's body a wait until something is ready: it only tests a probe and leaves
/// when it answers (`if _is_server_up(url): return True`), sleeps between tries, and logs or
/// counts (`while time.monotonic() < deadline: if up(url): return True; time.sleep(0.5)`)? It
/// runs as often as its function does: each try is a retry, not an item.
pub(super) fn is_wait_loop(body: Node<'_>, src: &str) -> bool {
    if body
        .parent()
        .is_none_or(|w| w.kind_name() != "while_statement")
    {
        return false;
    }
    let mut cursor = body.walk();
    let stmts: Vec<Node<'_>> = body.named_children(&mut cursor).collect();
    let leaves = |n: Node<'_>| {
        let mut c = n.walk();
        n.named_children(&mut c)
            .last()
            .is_some_and(|l| matches!(l.kind_name(), "return_statement" | "break_statement"))
    };
    let called = |st: Node<'_>| -> Option<String> {
        let mut e = st.named_child(0)?;
        if e.kind_name() == "await" {
            e = e.named_child(0)?;
        }
        let f = (e.kind_name() == "call").then(|| e.child_by_field_name("function"))??;
        let name = match f.kind_name() {
            "attribute" => f.child_by_field_name("attribute")?,
            _ => f,
        };
        Some(name.utf8_text(src.as_bytes()).ok()?.to_string())
    };
    let mut probe = false;
    let mut sleeps = false;
    for st in &stmts {
        match st.kind_name() {
            "if_statement"
                if st.child_by_field_name("consequence").is_some_and(leaves)
                    && st.child_by_field_name("alternative").is_none()
                    && st
                        .child_by_field_name("condition")
                        .is_some_and(|c| contains_kind(c, "call", 200)) =>
            {
                probe = true;
            }
            "expression_statement" => match st.named_child(0).map(|e| e.kind_name()) {
                Some("augmented_assignment") => {}
                _ => match called(*st).as_deref() {
                    Some("sleep") => sleeps = true,
                    Some("print" | "debug" | "info" | "warning" | "log" | "echo") => {}
                    _ => return false,
                },
            },
            "pass_statement" | "comment" => {}
            _ => return false,
        }
    }
    probe && sleeps
}

/// Does `node` hold a node of kind `kind` (functions, classes and lambdas not entered)?
fn contains_kind(node: Node<'_>, kind: &str, budget: usize) -> bool {
    let mut stack = vec![node];
    let mut seen = 0;
    while let Some(n) = stack.pop() {
        seen += 1;
        if seen > budget || n.kind_name() == kind {
            return true;
        }
        if n != node
            && matches!(
                n.kind_name(),
                "function_definition" | "class_definition" | "lambda"
            )
        {
            continue;
        }
        let mut cursor = n.walk();
        stack.extend(n.named_children(&mut cursor));
    }
    false
}

/// Is the loop of `body` a reconnect loop: does its body (not a nested loop's, function's or
/// class's) consume a stream with `async for` (`while not stopped: async with ClientSession()
/// as s: ws = await s.ws_connect(url); async for msg in ws: …`)? One iteration then lasts as
/// long as a connection, and what it builds serves that whole connection, not one event.
pub(super) fn is_reconnect_loop(body: Node<'_>) -> bool {
    const BUDGET: usize = 20_000;
    let mut seen = 0;
    let mut stack = vec![body];
    while let Some(n) = stack.pop() {
        seen += 1;
        if seen > BUDGET {
            return false;
        }
        if n != body {
            match n.kind_name() {
                "for_statement" if super::syntax::is_async_for(n) => return true,
                "for_statement" => continue,
                "while_statement" | "function_definition" | "class_definition" | "lambda" => {
                    continue;
                }
                _ => {}
            }
        }
        let mut cursor = n.walk();
        stack.extend(n.named_children(&mut cursor));
    }
    false
}

impl<'t> super::scopes::Walker<'_, 't> {
    /// The scope tag of a loop body ([`crate::facts::ITEMS_LOOP`]) of a plain `for` over a
    /// collection that does not run until the process stops.
    pub(super) fn items_tag(&self, node: Node<'t>, open: bool) -> Option<std::sync::Arc<str>> {
        let parent = self.parent_of_current()?;
        (!open
            && parent.kind_name() == "for_statement"
            && !super::syntax::is_async_for(parent)
            && !self.runs_until_stopped(node))
        .then(|| std::sync::Arc::from(crate::facts::ITEMS_LOOP))
    }

    /// The statements of `owner`'s body, read once per function: the sessions and clients of a
    /// function of thousands of statements each ask about those after them.
    pub(super) fn body_statements(&self, owner: Node<'t>) -> std::rc::Rc<Vec<Node<'t>>> {
        let mut cache = self.body_stmts.borrow_mut();
        let stmts = cache.entry(owner.id()).or_insert_with(|| {
            std::rc::Rc::new(owner.field("body").map(named_children).unwrap_or_default())
        });
        std::rc::Rc::clone(stmts)
    }

    /// A comprehension's first iterable (`[r[0] for r in parcels_in_extent(box)]`) is evaluated
    /// once, before the loop: it runs in the comprehension's enclosing scope, not per element.
    pub(super) fn enter_outer_iterable(&mut self, node: Node<'t>) {
        let n = self.path.len();
        if n < 3 || self.frames.len() < 2 || self.path[n - 2].kind_name() != "for_in_clause" {
            return;
        }
        let (clause, comp) = (self.path[n - 2], self.path[n - 3]);
        // (The first clause found lazily: a comprehension of ten thousand clauses asks this of
        // each of them.)
        let mut cursor = comp.walk();
        if comp.id() != self.top().node_id
            || clause.field("right") != Some(node)
            || comp
                .named_children(&mut cursor)
                .find(|c| c.kind_name() == "for_in_clause")
                != Some(clause)
        {
            return;
        }
        let below = &self.frames[self.frames.len() - 2];
        let frame = Frame {
            node_id: node.id(),
            scope: below.scope.clone(),
            guard: below.guard,
            fn_idx: below.fn_idx,
            owner: below.owner,
            class: None,
            top_level: false,
        };
        self.frames.push(frame);
    }
}

/// Does this `for` statement iterate a collection its own function builds: a literal, a
/// comprehension, a `range(…)`, or a local name assigned only such values (`stats = [f"{t}_{r}"
/// for t in TYPES for r in RANGES]`; `for stat in stats:`), through `enumerate` / `sorted` /
/// `reversed` / `list`? Such a loop runs a known, finite number of times per call of its
/// function, unlike one over a stream, a consumer or a parameter.
pub(super) fn over_finite_collection(for_stmt: Node<'_>, src: &str) -> bool {
    if for_stmt.kind_name() != "for_statement" || super::syntax::is_async_for(for_stmt) {
        return false;
    }
    let Some(mut iterable) = for_stmt.field("right") else {
        return false;
    };
    // `enumerate(xs)`, `sorted(xs, key=…)`: the collection is the first argument.
    for _ in 0..4 {
        let unwrapped = (iterable.kind_name() == "call")
            .then(|| iterable.field("function"))
            .flatten()
            .filter(|f| {
                matches!(
                    text(*f, src),
                    "enumerate" | "sorted" | "reversed" | "list" | "tuple" | "set"
                )
            })
            .and_then(|_| iterable.field("arguments"))
            .and_then(|a| a.named_child(0));
        match unwrapped {
            Some(inner) => iterable = inner,
            None => break,
        }
    }
    if finite_value(iterable, src) {
        return true;
    }
    if iterable.kind_name() != "identifier" {
        return false;
    }
    let name = text(iterable, src);
    // The function (or module) the loop is in: every assignment to the name there.
    let mut scope = for_stmt.parent();
    while let Some(s) = scope {
        if matches!(s.kind_name(), "function_definition" | "module") {
            break;
        }
        scope = s.parent();
    }
    let Some(scope) = scope else {
        return false;
    };
    const BUDGET: usize = 20_000;
    let mut seen = 0;
    let mut assigned = false;
    let mut stack = vec![scope];
    while let Some(n) = stack.pop() {
        seen += 1;
        if seen > BUDGET {
            return false;
        }
        if n != scope
            && matches!(
                n.kind_name(),
                "function_definition" | "class_definition" | "lambda"
            )
        {
            continue;
        }
        if n.kind_name() == "assignment"
            && n.field("left")
                .is_some_and(|l| l.kind_name() == "identifier" && text(l, src) == name)
        {
            match n.field("right") {
                Some(r) if finite_value(r, src) => assigned = true,
                _ => return false,
            }
        }
        if n.kind_name() == "augmented_assignment"
            && n.field("left").is_some_and(|l| text(l, src) == name)
        {
            return false;
        }
        let mut cursor = n.walk();
        stack.extend(n.named_children(&mut cursor));
    }
    assigned
}

/// The scope tag of a loop body in a function ([`crate::facts::FINITE_LOOP`]) whose `for`
/// statement `header` iterates a finite collection; none for a loop that runs until stopped.
pub(super) fn finite_tag(
    header: Option<Node<'_>>,
    open: bool,
    src: &str,
) -> Option<std::sync::Arc<str>> {
    (!open && header.is_some_and(|p| over_finite_collection(p, src)))
        .then(|| std::sync::Arc::from(crate::facts::FINITE_LOOP))
}

/// A literal collection, a (non-generator) comprehension or a `range(…)`.
fn finite_value(n: Node<'_>, src: &str) -> bool {
    match n.kind_name() {
        "list"
        | "tuple"
        | "set"
        | "dictionary"
        | "list_comprehension"
        | "set_comprehension"
        | "dictionary_comprehension" => true,
        "call" => n.field("function").is_some_and(|f| text(f, src) == "range"),
        _ => false,
    }
}

/// The names `block` assigns a catalogue construction (`consumer = KafkaConsumer(...)`).
pub(super) fn client_names<'t>(
    block: Node<'t>,
    flat: &Flat<'t>,
    src: &'t str,
    ctor_names: &HashSet<&str>,
) -> HashSet<&'t str> {
    flat.nodes(block)
        .filter(|n| n.kind_name() == "assignment")
        .filter_map(|n| {
            let l = n.field("left").filter(|l| l.kind_name() == "identifier")?;
            let r = n.field("right")?;
            let r = if r.kind_name() == "await" {
                r.named_child(0).unwrap_or(r)
            } else {
                r
            };
            let f = r.field("function").filter(|_| r.kind_name() == "call")?;
            let t = text(f, src);
            ctor_names
                .contains(t.rsplit('.').next().unwrap_or(t))
                .then(|| text(l, src))
        })
        .collect()
}

/// Is `iterable` (of a `for` loop) a client that yields messages: one of `clients`, or a
/// method call on one (`pubsub.listen()`)?
pub(super) fn iterates_client(iterable: Node<'_>, src: &str, clients: &HashSet<&str>) -> bool {
    super::syntax::iterated_name(iterable, src).is_some_and(|n| clients.contains(n))
}
