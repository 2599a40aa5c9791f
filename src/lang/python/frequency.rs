//! How often a call runs, from what surrounds it: a flag parameter it needs given
//! (`if new_connection:`), a value closed before it is replaced (a reconnect), a loop that
//! keeps the receiver per element.

use super::syntax::*;
use super::*;

impl<'a, 't> Walker<'a, 't> {
    /// A project function handed to a runner (`[registration] runners`: `asyncio.to_thread(check,
    /// dn)`, Twisted's `deferToThread(check, dn)`): a call of it, where the runner is called and as
    /// often.
    pub(super) fn runner_call(&mut self, call: Node<'t>) {
        let src = self.src;
        let Some(func) = call.field("function") else {
            return;
        };
        let last = match func.kind_name() {
            "attribute" => func.field("attribute").map(|a| text(a, src)),
            "identifier" => Some(text(func, src)),
            _ => None,
        };
        if !last.is_some_and(|l| self.cat.registration.runners.iter().any(|r| r == l)) {
            return;
        }
        let (positional, _) = call_args(call);
        for a in positional {
            if !matches!(a.kind_name(), "identifier" | "attribute") {
                continue;
            }
            let Some(segs) = dotted(a, src) else {
                continue;
            };
            if let Some((name, module)) = self.pre.project_target(&segs, self.file) {
                self.call_site(call, a, name, module);
                return;
            }
        }
    }

    /// The parameter a call runs only when given: the call sits in the body of an `if` on a
    /// parameter whose default is falsy (`def bus(new_connection=False): … if new_connection:
    /// conn = connect()`, `if conn_url is not None:` with `conn_url=None`). Its name and
    /// position, not counting `self` / `cls`.
    pub(super) fn param_needed(&self, call: Node<'t>) -> Option<(String, u32)> {
        let src = self.src;
        let owner = self.top().owner;
        let params = owner
            .field("parameters")
            .filter(|_| owner.kind_name() == "function_definition")?;
        let params: Vec<(&str, Node)> = param_names(params, src)
            .into_iter()
            .filter(|(p, _)| !matches!(*p, "self" | "cls"))
            .collect();
        let flag = |cond: Node<'t>| -> Option<(String, u32)> {
            // `if flag:`, or `if value is not None:`.
            let (tested, none_only) = match cond.kind_name() {
                "identifier" => (cond, false),
                "comparison_operator" if compact(text(cond, src)).ends_with("isnotNone") => {
                    (cond.named_child(0)?, true)
                }
                _ => return None,
            };
            let name = text(tested, src);
            let i = params.iter().position(|(n, _)| *n == name)?;
            let default = params.get(i)?.1.field("value").map(|v| text(v, src))?;
            let falsy = if none_only {
                default == "None"
            } else {
                matches!(default, "False" | "None" | "0" | "\"\"" | "''")
            };
            falsy.then_some((name.to_string(), u32::try_from(i).ok()?))
        };
        let mut cur = call;
        while let Some(p) = self.flat.parent(cur) {
            if p == owner
                || matches!(
                    p.kind_name(),
                    "function_definition" | "lambda" | "class_definition"
                )
            {
                return None;
            }
            if p.kind_name() == "if_statement"
                && p.field("consequence") == Some(cur)
                && let Some(found) = p.field("condition").and_then(flag)
            {
                return Some(found);
            }
            cur = p;
        }
        None
    }

    /// Is `target` (`self._conn`) closed by one of the statements just before the one that
    /// replaces it (`self._conn.close()` then `self._conn = connect_with_retry(dsn)`, after a
    /// failed write), with a release method of the catalogue's `generic_release`? A reconnect:
    /// the new value takes the old one's place, one at a time.
    pub(super) fn closed_before(&self, call: Node<'t>, target: Node<'t>) -> bool {
        let src = self.src;
        if target.kind_name() == "subscript" {
            return self.entry_closed_before(call, target);
        }
        if !matches!(target.kind_name(), "identifier" | "attribute") {
            return false;
        }
        let t = compact(text(target, src));
        let Some(prev) = self.statements_before(call) else {
            return false;
        };
        // `x.close()` or `await x.aclose()`: the call's receiver and method.
        let closes = |s: Node<'t>| -> Option<bool> {
            let e = s
                .named_child(0)
                .filter(|_| s.kind_name() == "expression_statement")?;
            let e = if e.kind_name() == "await" {
                e.named_child(0)?
            } else {
                e
            };
            let f = e.field("function").filter(|_| e.kind_name() == "call")?;
            let m = f
                .field("attribute")
                .filter(|_| f.kind_name() == "attribute")?;
            Some(
                self.cat.generic_release.iter().any(|r| r == text(m, src))
                    && f.field("object")
                        .is_some_and(|o| compact(text(o, src)) == t),
            )
        };
        prev.into_iter().any(|s| closes(s) == Some(true))
    }

    /// The (up to three) statements just before the one holding `call`, in its block: where a
    /// reconnect closes the old value right before replacing it. `None` outside a block of
    /// statements (a lambda, a default value).
    fn statements_before(&self, call: Node<'t>) -> Option<Vec<Node<'t>>> {
        let mut stmt = call;
        while let Some(p) = self.flat.parent(stmt) {
            if p.kind_name() == "block" {
                break;
            }
            if matches!(p.kind_name(), "function_definition" | "lambda" | "module") {
                return None;
            }
            stmt = p;
        }
        Some(
            std::iter::successors(stmt.prev_named_sibling(), |s| s.prev_named_sibling())
                .take(3)
                .collect(),
        )
    }

    /// Is the entry `target` (`self.inverters[dev.id]`) taken out and closed by the statements
    /// just before the one that replaces it (`old = self.inverters.pop(dev.id, None)`, then `if
    /// old is not None: old.close()`)? A keyed reconnect: one value per key, the old one closed.
    fn entry_closed_before(&self, call: Node<'t>, target: Node<'t>) -> bool {
        let src = self.src;
        let (Some(map), Some(key)) = (target.field("value"), target.field("subscript")) else {
            return false;
        };
        let (map, key) = (compact(text(map, src)), compact(text(key, src)));
        let Some(prev) = self.statements_before(call) else {
            return false;
        };
        // `old = self.inverters.pop(dev.id, None)` (or `.get(dev.id)`): the name it binds.
        let taken = prev.iter().find_map(|s| {
            let a = s.named_child(0).filter(|a| a.kind_name() == "assignment")?;
            let left = a.field("left").filter(|l| l.kind_name() == "identifier")?;
            let f = a.field("right")?.field("function")?;
            let m = f.field("attribute")?;
            let first = a.field("right")?.field("arguments")?.named_child(0)?;
            (matches!(text(m, src), "pop" | "get")
                && f.field("object")
                    .is_some_and(|o| compact(text(o, src)) == map)
                && compact(text(first, src)) == key)
                .then(|| text(left, src))
        });
        let Some(old) = taken else { return false };
        let mut stack: Vec<Node<'t>> = prev;
        while let Some(n) = stack.pop() {
            if n.kind_name() == "call"
                && let Some(f) = n.field("function").filter(|f| f.kind_name() == "attribute")
                && f.field("attribute")
                    .is_some_and(|m| self.cat.generic_release.iter().any(|r| r == text(m, src)))
                && f.field("object").is_some_and(|o| text(o, src) == old)
            {
                return true;
            }
            stack.extend(named_children(n));
        }
        false
    }

    /// A call in a `for` loop on, or bound to, a name the same iteration stores per element
    /// (`conn = Relay(host); conn.start(); self.relays[host] = conn`, `workers.append(w)`):
    /// what it builds is kept with that element, one per element, as often as the loop's
    /// function runs (see [`crate::facts::CallSite::collected`]). Each body is read once.
    pub(super) fn kept_per_element(
        &mut self,
        call: Node<'t>,
        func: Node<'t>,
        binding: Option<&str>,
    ) -> bool {
        let src = self.src;
        let receiver = func
            .field("object")
            .filter(|o| func.kind_name() == "attribute" && o.kind_name() == "identifier")
            .map(|o| text(o, src));
        if receiver.is_none() && binding.is_none() {
            return false;
        }
        let mut cur = call.parent();
        let body = loop {
            let Some(p) = cur else {
                return false;
            };
            match p.kind_name() {
                "function_definition"
                | "lambda"
                | "class_definition"
                | "module"
                | "while_statement" => return false,
                "for_statement" => break p.field("body"),
                _ => cur = p.parent(),
            }
        };
        let Some(body) = body else {
            return false;
        };
        let flat = self.flat;
        let stored = self.per_element.entry(body.id()).or_insert_with(|| {
            let ident = |n: Node<'t>| (n.kind_name() == "identifier").then(|| text(n, src));
            flat.nodes(body)
                .flat_map(|n| match n.kind_name() {
                    "assignment"
                        if n.field("left")
                            .is_some_and(|l| l.kind_name() == "subscript") =>
                    {
                        n.field("right").and_then(ident).into_iter().collect()
                    }
                    "call"
                        if n.field("function").is_some_and(|f| {
                            f.kind_name() == "attribute"
                                && f.field("attribute")
                                    .is_some_and(|a| matches!(text(a, src), "append" | "add"))
                        }) =>
                    {
                        n.field("arguments")
                            .map(|a| named_children(a).into_iter().filter_map(ident).collect())
                            .unwrap_or_default()
                    }
                    _ => Vec::new(),
                })
                .collect()
        });
        receiver.is_some_and(|r| stored.contains(r)) || binding.is_some_and(|b| stored.contains(b))
    }
}

impl<'t> Walker<'_, 't> {
    /// Does a `for` / `while` loop of `owner` (not of a function nested in it) that starts after
    /// byte `at` use `key` in its body? A client built once, then used per item of such a loop,
    /// serves the batch (`async with ClientSession() as s: for item in items: await post(s,
    /// item)`).
    pub(super) fn serves_loop(&self, owner: Node<'t>, key: &str, at: u32) -> bool {
        const BUDGET: usize = 50_000;
        let names = [key.to_string()];
        let Some(body) = owner.field("body") else {
            return false;
        };
        let mut stack = vec![body];
        let mut seen = 0;
        while let Some(n) = stack.pop() {
            seen += 1;
            if seen > BUDGET {
                return false;
            }
            if n.end_byte() as u32 <= at {
                continue;
            }
            match n.kind_name() {
                "function_definition" | "class_definition" | "lambda" => continue,
                "for_statement" | "while_statement" if n.start_byte() as u32 >= at => {
                    if n.field("body").is_some_and(|b| self.mentions(b, &names)) {
                        return true;
                    }
                    continue;
                }
                _ => {}
            }
            let mut cursor = n.walk();
            stack.extend(n.named_children(&mut cursor));
        }
        false
    }
}
