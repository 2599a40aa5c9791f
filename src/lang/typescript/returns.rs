//! What a returned expression hands out: the names it returns directly (`return client`,
//! `return { client }`) and those it returns something derived from (`return client.db(name)`).

use super::*;

impl<'a, 't> Walker<'a, 't> {
    pub(super) fn analyze_ret(&self, e: Node) -> Ret {
        let mut ret = Ret::default();
        self.ret_into(e, true, &mut ret, 0);
        ret
    }

    pub(super) fn ret_into(&self, n: Node, direct: bool, out: &mut Ret, depth: u8) {
        if depth > 6 {
            return;
        }
        let src = self.src;
        let n = unwrap_value(n);
        let push = |out: &mut Ret, name: &str, method: Option<&str>| {
            if direct && method.is_none() {
                out.direct.push(name.to_string());
            } else {
                out.derived
                    .push((name.to_string(), method.map(String::from)));
            }
        };
        match n.kind_name() {
            "identifier" => push(out, text(n, src), None),
            "object" => {
                for k in named_kids(n) {
                    match k.kind_name() {
                        "shorthand_property_identifier" => push(out, text(k, src), None),
                        "pair" => {
                            if let Some(v) = field(k, "value") {
                                self.ret_into(v, direct, out, depth + 1);
                            }
                        }
                        "spread_element" => {
                            if let Some(v) = first_named(k) {
                                self.ret_into(v, direct, out, depth + 1);
                            }
                        }
                        // `return { async known(repo) { return redis.get(repo) } }`: the methods
                        // keep the client, and the caller gets them.
                        "method_definition" => closure_roots(k, src, out),
                        _ => {}
                    }
                }
            }
            "array" => {
                for k in named_kids(n) {
                    self.ret_into(k, direct, out, depth + 1);
                }
            }
            "ternary_expression" | "binary_expression" => {
                for f in ["left", "right", "consequence", "alternative"] {
                    if let Some(v) = field(n, f) {
                        self.ret_into(v, direct, out, depth + 1);
                    }
                }
            }
            "member_expression" | "subscript_expression" | "call_expression" => {
                if let Some((root, method)) = root_of(n, src) {
                    out.derived
                        .push((root.to_string(), method.map(String::from)));
                }
                if n.kind_name() == "call_expression" {
                    for a in call_args(n) {
                        self.ret_into(a, false, out, depth + 1);
                    }
                }
            }
            "new_expression" => {
                for a in call_args(n) {
                    self.ret_into(a, false, out, depth + 1);
                }
            }
            // A returned closure (`return () => client.query(sql)`, `{ run: (q) => pool.query(q) }`)
            // keeps what it uses.
            "arrow_function" | "function_expression" => closure_roots(n, src, out),
            _ => {}
        }
    }
}

/// The receivers a closure's body calls methods on (`redis` in `redis.get(key)`): handed to
/// whoever gets the closure.
fn closure_roots(f: Node, src: &str, out: &mut Ret) {
    let Some(body) = field(f, "body") else {
        return;
    };
    let mut seen: Vec<&str> = Vec::new();
    traverse(body, |a, entering| {
        if !entering || a.node.kind_name() != "member_expression" {
            return;
        }
        if let Some(o) = field(a.node, "object").map(unwrap_value)
            && o.kind_name() == "identifier"
        {
            let name = text(o, src);
            if !seen.contains(&name) {
                seen.push(name);
            }
        }
    });
    for name in seen {
        out.derived.push((name.to_string(), None));
    }
}
