//! What a returned expression hands out: the names it returns directly (`return client`,
//! `return { client }`) and those it returns something derived from (`return client.db(name)`).

use super::*;

impl<'a, 't> Walker<'a, 't> {
    pub(super) fn analyze_ret(&self, e: Node<'t>) -> Ret {
        let mut ret = Ret::default();
        self.ret_into(e, true, &mut ret, 0);
        ret
    }

    pub(super) fn ret_into(&self, n: Node<'t>, direct: bool, out: &mut Ret, depth: u8) {
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
                        "method_definition" => self.closure_roots(k, false, out),
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
                    // `return Promise.resolve(session)` hands over the value itself.
                    let resolve =
                        field(n, "function").is_some_and(|f| text(f, src) == "Promise.resolve");
                    for a in call_args(n) {
                        self.ret_into(a, direct && resolve, out, depth + 1);
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
            "arrow_function" | "function_expression" => {
                self.closure_roots(n, direct && depth == 0, out)
            }
            _ => {}
        }
    }
}

/// How many nodes of a returned closure's body [`Walker::closure_roots`] reads: all of them
/// while the file's closures have cost fewer than [`CLOSURE_FILE_NODES`] in all, then the first
/// [`CLOSURE_NODES`]. Every function asks it of the closures it returns, so closures nested a
/// hundred thousand deep would read the file a hundred thousand times; real files stay far
/// below the total.
const CLOSURE_NODES: usize = 256;
const CLOSURE_FILE_NODES: usize = 2_000_000;

impl<'a, 't> Walker<'a, 't> {
    /// The names a closure's body uses (`redis` in `redis.get(key)`, `client` in `() => client`,
    /// `agent` in `fetch(url, { dispatcher: agent })`): handed to whoever gets the closure. A
    /// closure returned as it is (`return function proxy(…) { … dispatcher … }`) holds them as
    /// an object would (`return { client }`): the function is their factory. (Methods of a
    /// returned object stay handles over it.)
    fn closure_roots(&self, f: Node<'t>, direct: bool, out: &mut Ret) {
        let Some(body) = field(f, "body") else {
            return;
        };
        let (flat, src) = (self.pre.flat, self.src);
        let mut seen: Vec<&str> = Vec::new();
        let limit = if self.closure_reads.get() < CLOSURE_FILE_NODES {
            usize::MAX
        } else {
            CLOSURE_NODES
        };
        let mut read = 0;
        for (n, kind_id) in flat.kinds(body).take(limit) {
            read += 1;
            if matches!(
                flat.kind(n, kind_id).0,
                "identifier" | "shorthand_property_identifier"
            ) {
                let name = text(n, src);
                if !seen.contains(&name) {
                    seen.push(name);
                }
            }
        }
        self.closure_reads
            .set(self.closure_reads.get().saturating_add(read));
        for name in seen {
            if direct {
                out.direct.push(name.to_string());
            } else {
                out.derived.push((name.to_string(), None));
            }
        }
    }
}

/// The parameter a function always returns as it is (`(conn, label) => { conn.on(…); return
/// conn; }` → 0): every `return` (or the expression body) is that parameter's name.
pub(super) fn returned_param(f: Node, src: &str) -> Option<usize> {
    let params: Vec<String> = field(f, "parameters")
        .map(named_kids)
        .unwrap_or_default()
        .into_iter()
        .map(|p| {
            let name = field(p, "pattern").unwrap_or(p);
            text(name, src).to_string()
        })
        .collect();
    let body = field(f, "body")?;
    let param_of = |v: Node| {
        let v = unwrap_value(v);
        (v.kind_name() == "identifier")
            .then(|| params.iter().position(|p| p == text(v, src)))
            .flatten()
    };
    if body.kind_name() != "statement_block" {
        return param_of(body);
    }
    let mut found: Option<Option<usize>> = None;
    let mut nested: Vec<usize> = Vec::new();
    traverse(body, |at, entering| {
        let n = at.node;
        if !entering {
            if nested.last() == Some(&n.id()) {
                nested.pop();
            }
            return;
        }
        if n.id() != body.id() && is_fn_kind(n.kind_name()) {
            nested.push(n.id());
        }
        if nested.is_empty() && n.kind_name() == "return_statement" {
            let this = first_named(n).and_then(param_of);
            found = match found {
                None => Some(this),
                Some(prev) if prev == this => Some(prev),
                Some(_) => Some(None),
            };
        }
    });
    found.flatten()
}

/// The IIFE call whose function holds this `return` (not a nested function's).
pub(super) fn iife_call_of<'p, 't>(ret: At<'p, 't>) -> Option<At<'p, 't>> {
    let mut cur = ret;
    while let Some(p) = cur.up() {
        match p.node.kind_name() {
            "arrow_function" | "function_expression" | "function" => return iife_call(p),
            "function_declaration"
            | "method_definition"
            | "generator_function_declaration"
            | "class_body"
            | "program" => return None,
            _ => cur = p,
        }
    }
    None
}
