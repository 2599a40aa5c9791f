//! A `return` between taking a connection and the `try` whose `finally` gives it back:
//!
//! ```python
//! conn = pool.getconn()
//! if is_open == last_state["open"]:
//!     return            # the connection stays checked out
//! try:
//!     ...
//! finally:
//!     pool.putconn(conn)
//! ```
//!
//! That path leaves it out for good, whatever the `finally` does.

use super::*;

/// The first `return` that leaves the function between `stmt` (the statement that took the
/// connection bound to `binding`) and `try_stmt` (the `try` releasing it in its `finally`),
/// both statements of one block; none when the `try` is elsewhere. A `return` under a test of
/// the connection itself (`if conn is None: return`) is no leak: nothing was taken.
pub(super) fn return_before_finally<'t>(
    stmt: Node<'t>,
    try_stmt: Node<'t>,
    binding: &str,
    src: &str,
) -> Option<Node<'t>> {
    if stmt.parent()?.id() != try_stmt.parent()?.id() || try_stmt.start_byte() < stmt.end_byte() {
        return None;
    }
    let mut cur = stmt.next_named_sibling();
    while let Some(s) = cur {
        if s.id() == try_stmt.id() {
            return None;
        }
        if let Some(r) = leaving_return(s, binding, src) {
            return Some(r);
        }
        cur = s.next_named_sibling();
    }
    None
}

/// The first `return` in `n`, in document order (not in a nested function or class), unless
/// under an `if` testing `binding`. Iterative: statements nest as deep as a file likes.
fn leaving_return<'t>(n: Node<'t>, binding: &str, src: &str) -> Option<Node<'t>> {
    let mut stack = vec![n];
    while let Some(n) = stack.pop() {
        match n.kind_name() {
            "return_statement" => return Some(n),
            "function_definition" | "lambda" | "class_definition" => continue,
            "if_statement" | "elif_clause"
                if n.field("condition")
                    .is_some_and(|c| super::loops::mentions(c, binding, src)) =>
            {
                continue;
            }
            _ => {}
        }
        let mut cursor = n.walk();
        let kids: Vec<Node<'t>> = n.named_children(&mut cursor).collect();
        stack.extend(kids.into_iter().rev());
    }
    None
}
