//! How often a loop's body runs: loops that run until the process stops, retries, and what
//! leaves a loop.

use super::*;

impl<'t> Walker<'_, 't> {
    /// A loop that runs until the process stops: a `while` / `do` / `for (;;)` loop that neither
    /// breaks nor returns (one that does is a retry: `while (true) { try { pool = …; break } … }`)
    /// or that serves after its last exit (a console's menu, [`serves_after_exit`]), or a `for …
    /// of` over a client this scope built (`for await (const msg of consumer)`).
    pub(super) fn runs_until_stopped(&self, node: Node<'t>, fn_idx: Option<usize>) -> bool {
        match node.kind_name() {
            "while_statement" | "do_statement" => {
                !leaves_loop(node) || serves_after_exit(node, self.src)
            }
            "for_statement" => {
                let cond = node
                    .child_by_field_name("condition")
                    .and_then(|c| self.src.get(c.byte_range()))
                    .map(|t| t.trim().trim_end_matches(';').trim())
                    .unwrap_or("");
                (cond.is_empty() || cond == "true")
                    && (!leaves_loop(node) || serves_after_exit(node, self.src))
            }
            "for_in_statement" => {
                // `for await (const msg of subscription)`: an async stream, consumed until the
                // process stops.
                let mut cursor = node.walk();
                if node.children(&mut cursor).any(|c| c.kind() == "await") {
                    return !leaves_loop(node);
                }
                let Some(right) = node.child_by_field_name("right") else {
                    return false;
                };
                let root = match right.kind_name() {
                    "identifier" => Some(right),
                    "call_expression" => right
                        .child_by_field_name("function")
                        .filter(|f| f.kind_name() == "member_expression")
                        .and_then(|f| f.child_by_field_name("object"))
                        .filter(|o| o.kind_name() == "identifier"),
                    _ => None,
                };
                let Some(name) = root.and_then(|r| self.src.get(r.byte_range())) else {
                    return false;
                };
                self.facts
                    .clients
                    .iter()
                    .any(|c| c.in_fn == fn_idx && c.binding.as_deref() == Some(name))
            }
            _ => false,
        }
    }
}

/// Is the loop `node` a retry: a `try` block in its body (not in a nested function or loop) that
/// ends the loop once its work succeeded (`break` or `return` among the block's statements)?
pub(super) fn is_retry_loop(node: Node<'_>) -> bool {
    const BUDGET: usize = 5_000;
    let Some(body) = node.child_by_field_name("body") else {
        return false;
    };
    let mut seen = 0;
    let mut stack = vec![body];
    while let Some(n) = stack.pop() {
        seen += 1;
        if seen > BUDGET {
            return false;
        }
        let k = n.kind_name();
        if is_fn_kind(k) || is_loop_kind(k) || k == "class_declaration" || k == "class" {
            continue;
        }
        if k == "try_statement"
            && n.child_by_field_name("handler").is_some()
            && let Some(block) = n.child_by_field_name("body")
        {
            let mut cursor = block.walk();
            if block
                .named_children(&mut cursor)
                .any(|s| matches!(s.kind_name(), "break_statement" | "return_statement"))
            {
                return true;
            }
        }
        let mut cursor = n.walk();
        stack.extend(n.named_children(&mut cursor));
    }
    false
}

/// Does the loop `node` leave itself: a `break` of it or a `return` (nested loops, switches and
/// functions are not its body, but a `return` in a nested loop or switch is)? A body too large
/// to scan cheaply counts as leaving (the loop is then judged as before).
fn leaves_loop(node: Node<'_>) -> bool {
    node.child_by_field_name("body").is_none_or(leaves)
}

/// Does `body` (a loop's body, or one of its statements) leave the loop: a `break` of it or a
/// `return`? A body too large to scan cheaply counts as leaving.
fn leaves(body: Node<'_>) -> bool {
    const BUDGET: usize = 20_000;
    let mut seen = 0;
    // (node, inside a nested loop or switch)
    let mut stack = vec![(body, false)];
    while let Some((n, nested)) = stack.pop() {
        seen += 1;
        if seen > BUDGET {
            return true;
        }
        let k = n.kind_name();
        if k == "return_statement"
            || (k == "break_statement" && (!nested || n.named_child_count() > 0))
        {
            return true;
        }
        if is_fn_kind(k) || k == "class_declaration" || k == "class" {
            continue;
        }
        let nested = nested || is_loop_kind(k) || k == "switch_statement";
        let mut cursor = n.walk();
        stack.extend(n.named_children(&mut cursor).map(|c| (c, nested)));
    }
    false
}

/// Does the loop `node` do its work after its last exit: a loop that reads a command, leaves on
/// `quit` or a cancel, then serves the command (`while (true) { const action = await select(…);
/// if (isCancel(action)) break; await run(action) }`, an interactive console's menu)? Such a
/// loop serves one command per iteration until the user stops it. A retry (`try { await
/// connect(); break } catch { … }`) or a readiness probe (`if (await ready()) break; await
/// sleep(1000)`) leaves once its work succeeded: what follows its last exit only waits or logs.
fn serves_after_exit(node: Node<'_>, src: &str) -> bool {
    let Some(body) = node.child_by_field_name("body") else {
        return false;
    };
    if is_retry_loop(node) {
        return false;
    }
    let mut cursor = body.walk();
    let stmts: Vec<Node> = body.named_children(&mut cursor).collect();
    let Some(last_exit) = stmts.iter().rposition(|s| leaves(*s)) else {
        return false;
    };
    stmts[last_exit + 1..].iter().any(|s| does_work(*s, src))
}

/// Does this statement call something other than a wait or a log (`await sleep(1000)`,
/// `await new Promise((r) => setTimeout(r, 500))`, `console.warn(…)`)?
fn does_work(stmt: Node<'_>, src: &str) -> bool {
    const WAITS: &[&str] = &[
        "sleep",
        "delay",
        "wait",
        "setTimeout",
        "log",
        "warn",
        "info",
        "debug",
        "error",
    ];
    let mut stack = vec![stmt];
    let mut seen = 0;
    while let Some(n) = stack.pop() {
        seen += 1;
        if seen > 5_000 {
            return true;
        }
        if n.kind_name() == "call_expression"
            && let Some(f) = n.child_by_field_name("function")
        {
            let name = match f.kind_name() {
                "member_expression" => f.child_by_field_name("property"),
                "identifier" => Some(f),
                _ => None,
            };
            let waits = name.is_some_and(|name| {
                let k = name.kind_name();
                (k == "identifier" || k == "property_identifier")
                    && WAITS
                        .iter()
                        .any(|w| text(name, src).eq_ignore_ascii_case(w))
            });
            if !waits {
                return true;
            }
        }
        let mut cursor = n.walk();
        stack.extend(n.named_children(&mut cursor));
    }
    false
}

/// Does the `for … of` loop `node` go over a finite collection written in the code: an array
/// literal (`for (const region of ["eu", "us"])`), `Object.keys` / `values` / `entries` of an
/// object literal, or a `const` bound to one of those in an enclosing block or the module
/// (`const REGIONS = ["eu", "us"] as const`)? Such a loop runs once per item, then ends.
pub(super) fn over_finite_collection(node: Node<'_>, src: &str) -> bool {
    if node.kind_name() != "for_in_statement" || token(node, "of").is_none() {
        return false;
    }
    let Some(right) = node.child_by_field_name("right").map(unwrap_value) else {
        return false;
    };
    if finite_value(right, src) {
        return true;
    }
    if right.kind_name() != "identifier" {
        return false;
    }
    let name = text(right, src);
    let mut cur = node.parent();
    while let Some(block) = cur {
        if matches!(block.kind_name(), "statement_block" | "program") {
            let mut cursor = block.walk();
            for st in block.named_children(&mut cursor) {
                let st = if st.kind_name() == "export_statement" {
                    match st.child_by_field_name("declaration") {
                        Some(d) => d,
                        None => continue,
                    }
                } else {
                    st
                };
                if st.kind_name() != "lexical_declaration" || token(st, "const").is_none() {
                    continue;
                }
                let mut dc = st.walk();
                for d in st.named_children(&mut dc) {
                    if d.kind_name() == "variable_declarator"
                        && d.child_by_field_name("name")
                            .is_some_and(|n| text(n, src) == name)
                    {
                        return d
                            .child_by_field_name("value")
                            .is_some_and(|v| finite_value(unwrap_value(v), src));
                    }
                }
            }
        }
        cur = block.parent();
    }
    false
}

/// An array literal, or `Object.keys` / `values` / `entries` of an object literal.
fn finite_value(n: Node<'_>, src: &str) -> bool {
    match n.kind_name() {
        "array" => true,
        "call_expression" => {
            n.child_by_field_name("function").is_some_and(|f| {
                matches!(
                    text(f, src),
                    "Object.keys" | "Object.values" | "Object.entries"
                )
            }) && call_args(n)
                .first()
                .is_some_and(|a| unwrap_value(*a).kind_name() == "object")
        }
        _ => false,
    }
}

/// The loops of a function body that run until stopped (a `while` / `do` that never leaves,
/// as in [`Walker::runs_until_stopped`], or a `for await` over a stream; not those of nested
/// functions): where each starts, and the
/// identifiers its body names. Read once per function (bounded: a body too large to read
/// names none).
pub(super) type OpenLoops = Vec<(usize, HashSet<String>)>;

pub(super) fn open_loops(body: Node<'_>, src: &str) -> OpenLoops {
    const BUDGET: usize = 200_000;
    let mut out: OpenLoops = Vec::new();
    let mut stack = vec![body];
    let mut seen = 0;
    while let Some(n) = stack.pop() {
        seen += 1;
        if seen > BUDGET {
            return Vec::new();
        }
        if n.id() != body.id() && is_fn_kind(n.kind_name()) {
            continue;
        }
        // (The project's own test of a loop that runs until stopped: one that never leaves.)
        let open = match n.kind_name() {
            "while_statement" | "do_statement" => !leaves_loop(n) || serves_after_exit(n, src),
            "for_in_statement" => token(n, "await").is_some() && !leaves_loop(n),
            _ => false,
        };
        if open && let Some(b) = field(n, "body") {
            let mut names = HashSet::default();
            traverse(b, |x, entering| {
                if entering && x.node.kind_name() == "identifier" {
                    names.insert(text(x.node, src).to_string());
                }
            });
            out.push((n.start_byte(), names));
        }
        let mut cursor = n.walk();
        stack.extend(n.named_children(&mut cursor));
    }
    out
}
