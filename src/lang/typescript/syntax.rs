//! Syntax helpers over tree-sitter nodes: spans and text, fields, callee names, function
//! names and kinds, parameters, patterns, the bounded traversal.

use super::*;

pub(super) fn is_fn_kind(kind: &str) -> bool {
    matches!(
        kind,
        "function_declaration"
            | "generator_function_declaration"
            | "function_expression"
            | "generator_function"
            | "arrow_function"
            | "method_definition"
    )
}

pub(super) fn is_loop_kind(kind: &str) -> bool {
    matches!(
        kind,
        "for_statement" | "for_in_statement" | "while_statement" | "do_statement"
    )
}

pub(super) fn is_pascal(name: &str) -> bool {
    name.chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

pub(super) fn is_hook_name(name: &str) -> bool {
    name.strip_prefix("use")
        .and_then(|r| r.chars().next())
        .is_some_and(|c| c.is_ascii_uppercase())
}

// ------------------------------------------------------------------------------------------
// Small syntax helpers

pub(super) fn span(n: Node) -> Span {
    Span::new(n.start_byte(), n.end_byte())
}

pub(super) fn text<'s>(n: Node, src: &'s str) -> &'s str {
    src.get(n.byte_range()).unwrap_or("")
}

pub(super) fn field<'t>(n: Node<'t>, name: &'static str) -> Option<Node<'t>> {
    crate::lang::field(n, name)
}

pub(super) fn is_field(parent: Node, name: &'static str, child: Node) -> bool {
    field(parent, name).is_some_and(|c| c.id() == child.id())
}

pub(super) fn named_kids<'t>(n: Node<'t>) -> Vec<Node<'t>> {
    let mut c = n.walk();
    n.named_children(&mut c)
        .filter(|k| k.kind_name() != "comment")
        .collect()
}

pub(super) fn first_named<'t>(n: Node<'t>) -> Option<Node<'t>> {
    let mut c = n.walk();
    n.named_children(&mut c)
        .find(|k| k.kind_name() != "comment")
}

pub(super) fn token<'t>(n: Node<'t>, token: &str) -> Option<Node<'t>> {
    let mut c = n.walk();
    n.children(&mut c)
        .find(|k| !k.is_named() && k.kind_name() == token)
}

/// Strip parentheses, type casts, non-null assertions and `await`.
pub(super) fn unwrap_value(mut n: Node) -> Node {
    loop {
        let inner = match n.kind_name() {
            "parenthesized_expression"
            | "as_expression"
            | "satisfies_expression"
            | "non_null_expression"
            | "await_expression"
            | "instantiation_expression" => first_named(n),
            "type_assertion" => n.named_child(n.named_child_count().saturating_sub(1) as u32),
            _ => None,
        };
        match inner {
            Some(i) => n = i,
            None => return n,
        }
    }
}

/// The value an expression gives, through comma sequences as well (`return a && f.observe(a),
/// () => f.disconnect()`, a minifier's way to write two statements): the last one's.
pub(super) fn comma_value(n: Node) -> Node {
    let mut n = unwrap_value(n);
    for _ in 0..64 {
        if n.kind_name() != "sequence_expression" {
            break;
        }
        match n.named_child(n.named_child_count().saturating_sub(1) as u32) {
            Some(last) => n = unwrap_value(last),
            None => break,
        }
    }
    n
}

/// The content of a string literal node (without quotes).
pub(super) fn string_value<'s>(n: Node, src: &'s str) -> Option<&'s str> {
    if n.kind_name() != "string" {
        return None;
    }
    let t = text(n, src);
    t.get(1..t.len().saturating_sub(1))
}

/// The entries of the options objects a call is given (`f({ key: value, short, m() {} })`):
/// `(key, value)`, the value being the shorthand's or the method's own node.
pub(super) fn option_entries<'t, 's>(call: Node<'t>, src: &'s str) -> Vec<(&'s str, Node<'t>)> {
    call_args(call)
        .into_iter()
        .flat_map(|a| object_entries(unwrap_value(a), src))
        .collect()
}

/// The entries of an object literal, by key (empty for anything else).
pub(super) fn object_entries<'t, 's>(obj: Node<'t>, src: &'s str) -> Vec<(&'s str, Node<'t>)> {
    if obj.kind_name() != "object" {
        return Vec::new();
    }
    named_kids(obj)
        .into_iter()
        .filter_map(|p| match p.kind_name() {
            "pair" => field(p, "key")
                .and_then(|k| key_name(k, src))
                .zip(field(p, "value")),
            "shorthand_property_identifier" => Some((text(p, src), p)),
            "method_definition" => field(p, "name")
                .and_then(|k| key_name(k, src))
                .map(|k| (k, p)),
            _ => None,
        })
        .collect()
}

/// A call of a function by its own name, or of a static one of an object (`BrowserView.defineRPC`),
/// given an options object (`betterAuth({ … })`).
pub(super) fn options_call(call: Node) -> bool {
    call.kind_name() == "call_expression"
        && field(call, "function").map(unwrap_value).is_some_and(|c| {
            c.kind_name() == "identifier"
                || (c.kind_name() == "member_expression"
                    && field(c, "object").is_some_and(|o| o.kind_name() == "identifier"))
        })
        && call_args(call)
            .into_iter()
            .any(|a| unwrap_value(a).kind_name() == "object")
}

/// The options object a function written in place returns (`() => ({ … })`).
pub(super) fn thunk_options(a: Node) -> Option<Node> {
    let f = unwrap_value(a);
    matches!(f.kind_name(), "arrow_function" | "function_expression")
        .then(|| returned_object(f))
        .flatten()
}

/// The object literal a function returns: its arrow body (`() => ({ … })`) or a `return { … }`
/// among its body's statements.
pub(super) fn returned_object(f: Node) -> Option<Node> {
    let body = field(f, "body")?;
    let body = unwrap_value(body);
    if body.kind_name() == "object" {
        return Some(body);
    }
    named_kids(body).into_iter().find_map(|st| {
        (st.kind_name() == "return_statement")
            .then(|| first_named(st).map(unwrap_value))
            .flatten()
            .filter(|o| o.kind_name() == "object")
    })
}

/// A call of a function by its own name given a function that returns its options
/// (`defineDocumentType(() => ({ … }))`).
pub(super) fn thunk_options_call(call: Node) -> bool {
    call.kind_name() == "call_expression"
        && field(call, "function")
            .map(unwrap_value)
            .is_some_and(|c| c.kind_name() == "identifier")
        && call_args(call)
            .into_iter()
            .any(|a| thunk_options(a).is_some())
}

/// The nearest function around `n`, if any.
pub(super) fn enclosing_fn(n: Node<'_>) -> Option<Node<'_>> {
    let mut p = n.parent();
    while let Some(x) = p {
        crate::lang::budget::tick();
        if is_fn_kind(x.kind_name()) {
            return Some(x);
        }
        p = x.parent();
    }
    None
}

/// The name an imported binding has in its module, for the call graph: the last segment of
/// its import path (`import { list as l }` → `list`), or the local name for a default or
/// namespace import.
pub(super) fn export_name<'s>(path: &'s str, local: &'s str) -> &'s str {
    match path.rsplit('.').next().unwrap_or("") {
        "default" | "*" => local,
        export => export,
    }
}

/// The name a property key / method name stands for.
pub(super) fn key_name<'s>(n: Node, src: &'s str) -> Option<&'s str> {
    match n.kind_name() {
        "property_identifier" | "identifier" | "private_property_identifier" => Some(text(n, src)),
        "string" => string_value(n, src),
        _ => None,
    }
}

/// The last name of a callee: `useEffect`, `React.useEffect` → `useEffect`.
pub(super) fn callee_name<'s>(callee: Node, src: &'s str) -> Option<&'s str> {
    let c = unwrap_value(callee);
    match c.kind_name() {
        "identifier" => Some(text(c, src)),
        "member_expression" => field(c, "property").map(|p| text(p, src)),
        _ => None,
    }
}

/// Does a module-level function start the HTTP server (`app.listen(port)`,
/// `http.createServer(app).listen(…)`)? It runs once, at startup, whoever calls it.
pub(super) fn starts_server(f: Node<'_>, src: &str) -> bool {
    src.get(f.byte_range()).is_some_and(|t| {
        t.contains(".listen(")
            && (t.contains("express()")
                || t.contains("createServer(")
                || t.contains("fastify(")
                || t.contains("new Koa(")
                || t.contains("new Hono("))
    })
}

/// Is the innermost function around `at` declared `async`?
pub(super) fn in_async_fn(at: At<'_, '_>) -> bool {
    let mut cur = at;
    while let Some(p) = cur.up() {
        if matches!(
            p.node.kind_name(),
            "function_declaration"
                | "function_expression"
                | "function"
                | "arrow_function"
                | "method_definition"
                | "generator_function_declaration"
                | "generator_function"
        ) {
            let mut walk = p.node.walk();
            return p
                .node
                .children(&mut walk)
                .any(|ch| ch.kind_name() == "async");
        }
        cur = p;
    }
    false
}

/// A node and its ancestors (nearest last). The traversals keep this stack, so walking up is
/// O(1): tree-sitter's `Node::parent` searches down from the root on every call, which is
/// quadratic on deep or wide trees.
#[derive(Clone, Copy)]
pub(super) struct At<'p, 't> {
    pub(super) node: Node<'t>,
    pub(super) anc: &'p [Node<'t>],
}

impl<'p, 't> At<'p, 't> {
    pub(super) fn up(self) -> Option<At<'p, 't>> {
        let (last, rest) = self.anc.split_last()?;
        Some(At {
            node: *last,
            anc: rest,
        })
    }

    pub(super) fn parent(self) -> Option<Node<'t>> {
        self.anc.last().copied()
    }
}

/// `f` is the `index`-th argument of `call`.
pub(super) fn arg_position<'p, 't>(f: At<'p, 't>) -> Option<(At<'p, 't>, usize)> {
    let args = f.up()?;
    if args.node.kind_name() != "arguments" {
        return None;
    }
    let call = args.up()?;
    if !matches!(call.node.kind_name(), "call_expression" | "new_expression") {
        return None;
    }
    named_kids(args.node)
        .iter()
        .position(|a| a.id() == f.node.id())
        .map(|i| (call, i))
}

/// Arguments of a call or `new` (empty for a tagged template).
pub(super) fn call_args(call: Node) -> Vec<Node> {
    match field(call, "arguments") {
        Some(a) if a.kind_name() == "arguments" => named_kids(a),
        _ => Vec::new(),
    }
}

/// The call that invokes this function expression on the spot: `(() => …)()`,
/// `(async function () { … })()`.
pub(super) fn iife_call<'p, 't>(f: At<'p, 't>) -> Option<At<'p, 't>> {
    let mut cur = f;
    while let Some(p) = cur.up() {
        match p.node.kind_name() {
            "parenthesized_expression" => cur = p,
            "call_expression" if is_field(p.node, "function", cur.node) => return Some(p),
            _ => return None,
        }
    }
    None
}

/// `(() => …)()`, `(async function () {…})()`, `new Promise((resolve) => …)`.
pub(super) fn is_iife(f: At, src: &str) -> bool {
    if iife_call(f).is_some() {
        return true;
    }
    if let Some((call, 0)) = arg_position(f) {
        return call.node.kind_name() == "new_expression"
            && field(call.node, "constructor").is_some_and(|c| text(c, src) == "Promise");
    }
    false
}

/// Root identifier and first member of a value chain: `client.db(x).collection(y)` →
/// (`client`, `db`); `client` → (`client`, None). `None` if the chain starts with a call result,
/// or is longer than [`MAX_CHAIN`] links (every call of a chain asks for its root).
pub(super) fn root_of<'s>(n: Node, src: &'s str) -> Option<(&'s str, Option<&'s str>)> {
    let mut cur = unwrap_value(n);
    let mut method = None;
    for _ in 0..MAX_CHAIN {
        match chain_link(cur, src) {
            ChainLink::Root(root) => return Some((root, method)),
            ChainLink::Next(next) => {
                if cur.kind_name() == "member_expression" {
                    method = field(cur, "property").map(|p| text(p, src));
                }
                cur = next;
            }
            ChainLink::Broken => return None,
        }
    }
    None
}

/// The method (or property) a value chain ends with: `findOne` in
/// `await client.db("w").collection("p").findOne(q)`.
pub(super) fn outermost_method<'s>(n: Node, src: &'s str) -> Option<&'s str> {
    let mut cur = unwrap_value(n);
    if cur.kind_name() == "call_expression" {
        cur = field(cur, "function").map(unwrap_value)?;
    }
    (cur.kind_name() == "member_expression")
        .then(|| field(cur, "property").map(|p| text(p, src)))
        .flatten()
}

/// One link of a value chain, as [`root_of`] reads it.
pub(super) enum ChainLink<'t, 's> {
    /// The chain's root (an identifier, `this`).
    Root(&'s str),
    /// The link below (the object of a member or subscript, the method of a call).
    Next(Node<'t>),
    /// No root: a call of something other than a method, a literal, ….
    Broken,
}

pub(super) fn chain_link<'t, 's>(cur: Node<'t>, src: &'s str) -> ChainLink<'t, 's> {
    let next = match cur.kind_name() {
        "identifier" => return ChainLink::Root(text(cur, src)),
        "this" => return ChainLink::Root("this"),
        "member_expression" | "subscript_expression" => field(cur, "object").map(unwrap_value),
        "call_expression" => field(cur, "function")
            .map(unwrap_value)
            .filter(|f| f.kind_name() == "member_expression"),
        _ => None,
    };
    next.map_or(ChainLink::Broken, ChainLink::Next)
}

/// How many links of a value chain [`root_of`] follows: query builders run to a few dozen.
const MAX_CHAIN: usize = 64;

/// A callee made only of names: `client.close`, `db.$client.end`, `this.pool.end`.
pub(super) fn dotted_path(n: Node, src: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    let mut cur = unwrap_value(n);
    loop {
        match cur.kind_name() {
            "identifier" | "this" => {
                parts.push(text(cur, src));
                break;
            }
            "member_expression" => {
                parts.push(text(field(cur, "property")?, src));
                cur = unwrap_value(field(cur, "object")?);
            }
            _ => return None,
        }
        if parts.len() > 16 {
            return None;
        }
    }
    parts.reverse();
    Some(parts.join("."))
}

/// Identifiers bound by a pattern (`x`, `{ a, b: c }`, `[d, ...e]`), skipping type annotations.
pub(super) fn pattern_names(n: Node, src: &str, out: &mut Vec<String>) {
    match n.kind_name() {
        "identifier" | "shorthand_property_identifier_pattern" => {
            out.push(text(n, src).to_string())
        }
        "type_annotation" | "type_arguments" | "type_parameters" => {}
        "pair_pattern" => {
            if let Some(v) = field(n, "value") {
                pattern_names(v, src, out);
            }
        }
        "assignment_pattern" | "object_assignment_pattern" => {
            if let Some(l) = field(n, "left").or_else(|| first_named(n)) {
                pattern_names(l, src, out);
            }
        }
        "required_parameter" | "optional_parameter" => {
            if let Some(p) = field(n, "pattern") {
                pattern_names(p, src, out);
            }
        }
        _ => {
            for k in named_kids(n) {
                pattern_names(k, src, out);
            }
        }
    }
}

/// [`traverse`] over the file's node array (the same events, without stepping a cursor).
pub(super) fn traverse_flat<'t>(
    flat: &Flat<'t>,
    root: Node<'t>,
    mut f: impl FnMut(At<'_, 't>, bool),
) {
    traverse_kinds(flat, root, |at, _, _, entering| f(at, entering));
}

/// [`traverse_flat`] with each node's kind and whether it is named (`node.kind_name()`,
/// `node.is_named()`, from the array's table).
pub(super) fn traverse_kinds<'t>(
    flat: &Flat<'t>,
    root: Node<'t>,
    mut f: impl FnMut(At<'_, 't>, &'t str, bool, bool),
) {
    let mut stack: Vec<Node<'t>> = Vec::new();
    flat.walk(root, |node, kind_id, entering| {
        let (kind, named) = flat.kind(node, kind_id);
        if entering {
            f(At { node, anc: &stack }, kind, named, true);
            stack.push(node);
        } else {
            stack.pop();
            f(At { node, anc: &stack }, kind, named, false);
        }
    });
}

/// Visit every node with its ancestors: `f(at, entering)`.
pub(super) fn traverse<'t>(root: Node<'t>, mut f: impl FnMut(At<'_, 't>, bool)) {
    let mut stack: Vec<Node<'t>> = Vec::new();
    let mut cursor = root.walk();
    loop {
        crate::lang::budget::tick();
        let node = cursor.node();
        f(At { node, anc: &stack }, true);
        stack.push(node);
        if cursor.goto_first_child() {
            continue;
        }
        loop {
            let node = cursor.node();
            stack.pop();
            f(At { node, anc: &stack }, false);
            if cursor.goto_next_sibling() {
                break;
            }
            if !cursor.goto_parent() {
                return;
            }
        }
    }
}

/// How a function got its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NameKind {
    /// `function f() {}`
    Decl,
    /// `const f = () => …`, `f = function () {}`
    Var,
    /// `export const GET = withAuth(async () => …)`, `const Chat = memo(() => …)`
    Wrapper,
    /// Methods, object members, class fields, `exports.f = …`
    Member,
}

pub(super) struct FnName<'p, 't> {
    pub(super) name: String,
    pub(super) span: Span,
    pub(super) kind: NameKind,
    /// The node that carries the name (declaration, declarator, pair, method, assignment).
    pub(super) anchor: At<'p, 't>,
}

pub(super) fn fn_name<'p, 't>(f: At<'p, 't>, src: &str) -> Option<FnName<'p, 't>> {
    let mk = |n: Node, kind, anchor| {
        Some(FnName {
            name: text(n, src).trim_matches(['"', '\'']).to_string(),
            span: span(n),
            kind,
            anchor,
        })
    };
    let fnode = f.node;
    match fnode.kind_name() {
        "function_declaration" | "generator_function_declaration" => {
            mk(field(fnode, "name")?, NameKind::Decl, f)
        }
        "method_definition" => {
            let n = field(fnode, "name")?;
            key_name(n, src)?;
            mk(n, NameKind::Member, f)
        }
        _ => {
            let p = f.up()?;
            let pn = p.node;
            match pn.kind_name() {
                "variable_declarator" if is_field(pn, "value", fnode) => {
                    let n = field(pn, "name")?;
                    return if n.kind_name() == "identifier" {
                        mk(n, NameKind::Var, p)
                    } else {
                        None
                    };
                }
                "pair" if is_field(pn, "value", fnode) => {
                    let n = field(pn, "key")?;
                    key_name(n, src)?;
                    return mk(n, NameKind::Member, p);
                }
                "public_field_definition" => {
                    let n = field(pn, "name")?;
                    key_name(n, src)?;
                    return mk(n, NameKind::Member, p);
                }
                "assignment_expression" if is_field(pn, "right", fnode) => {
                    let l = field(pn, "left")?;
                    return match l.kind_name() {
                        "identifier" => mk(l, NameKind::Var, p),
                        "member_expression" if text(l, src) != "module.exports" => {
                            mk(field(l, "property")?, NameKind::Member, p)
                        }
                        _ => None,
                    };
                }
                _ => {}
            }
            if let Some(n) = field(fnode, "name") {
                return mk(n, NameKind::Member, f);
            }
            // A wrapper at module level: `export const GET = withAuth(async () => …)`.
            let mut cur = f;
            while let Some((call, _)) = arg_position(cur) {
                let callee = field(call.node, "function")
                    .and_then(|c| callee_name(c, src))
                    .unwrap_or("");
                if is_hook_name(callee) || LOOP_METHODS.contains(&callee) || callee.is_empty() {
                    return None;
                }
                cur = call;
            }
            if cur.node.id() == fnode.id() {
                return None;
            }
            let decl = cur.up()?;
            if decl.node.kind_name() != "variable_declarator"
                || !is_field(decl.node, "value", cur.node)
            {
                return None;
            }
            let stmt = decl.up()?;
            let top = stmt
                .parent()
                .is_some_and(|s| matches!(s.kind_name(), "program" | "export_statement"));
            let n = field(decl.node, "name")?;
            if top && n.kind_name() == "identifier" {
                mk(n, NameKind::Wrapper, decl)
            } else {
                None
            }
        }
    }
}

/// The number of parameters a function declares (a TypeScript `this` parameter excluded).
pub(super) fn param_count(f: Node) -> u32 {
    if field(f, "parameter").is_some() {
        return 1;
    }
    let Some(params) = field(f, "parameters") else {
        return 0;
    };
    let n = named_kids(params)
        .into_iter()
        .filter(|p| {
            let pat = field(*p, "pattern").unwrap_or(*p);
            pat.kind_name() != "this"
        })
        .count();
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The `i`-th parameter of a function literal, when it is a plain name (`(b) => …`, `b => …`,
/// `function (err, conn) { … }`).
pub(super) fn param_name(f: Node, i: usize) -> Option<Node> {
    if !is_fn_kind(f.kind_name()) {
        return None;
    }
    if let Some(p) = field(f, "parameter") {
        return Some(p).filter(|p| i == 0 && p.kind_name() == "identifier");
    }
    let params = field(f, "parameters")?;
    let nth = named_kids(params).into_iter().nth(i)?;
    let name = match nth.kind_name() {
        "identifier" => nth,
        "required_parameter" | "optional_parameter" => field(nth, "pattern")?,
        _ => return None,
    };
    Some(name).filter(|n| n.kind_name() == "identifier")
}

/// Names a statement declares in its block: `const`/`let`/`var` declarations, functions,
/// classes (also behind `export`).
pub(super) fn declared_names(st: Node, src: &str, out: &mut Vec<String>) {
    match st.kind_name() {
        "lexical_declaration" | "variable_declaration" => {
            for d in named_kids(st) {
                if d.kind_name() == "variable_declarator"
                    && let Some(name) = field(d, "name")
                {
                    pattern_names(name, src, out);
                }
            }
        }
        "function_declaration"
        | "generator_function_declaration"
        | "class_declaration"
        | "abstract_class_declaration" => {
            if let Some(name) = field(st, "name") {
                out.push(text(name, src).to_string());
            }
        }
        _ => {}
    }
}

/// Does the function declare a parameter without a type annotation (`e => …`, `(e) => …`)?
pub(super) fn has_untyped_params(f: Node) -> bool {
    if field(f, "parameter").is_some() {
        return true;
    }
    field(f, "parameters").is_some_and(|ps| {
        named_kids(ps).into_iter().any(|p| {
            matches!(p.kind_name(), "required_parameter" | "optional_parameter")
                && field(p, "type").is_none()
                && field(p, "pattern").is_none_or(|x| x.kind_name() != "this")
        })
    })
}

/// A class method, a class field holding a function, or an object-literal member: not a free
/// function (nor one assigned to `exports.f`).
pub(super) fn is_method(f: Node, n: &FnName) -> bool {
    n.kind == NameKind::Member
        && (f.kind_name() == "method_definition"
            || matches!(
                n.anchor.node.kind_name(),
                "pair" | "public_field_definition"
            ))
}

/// Does the function body start with the directive `"use server"`?
pub(super) fn has_use_server(f: Node, src: &str) -> bool {
    let Some(body) = field(f, "body") else {
        return false;
    };
    if body.kind_name() != "statement_block" {
        return false;
    }
    for st in named_kids(body) {
        if st.kind_name() != "expression_statement" {
            return false;
        }
        match first_named(st).and_then(|s| string_value(s, src)) {
            Some("use server") => return true,
            Some(_) => continue,
            None => return false,
        }
    }
    false
}

/// The documentation-comment tag of `tags` written on function `f` (`/** … @customfunction
/// QUOTE */` just before it, or before the `export` statement that declares it), if any.
pub(super) fn doc_tag<'c, 't>(
    flat: &Flat<'t>,
    f: Node<'t>,
    src: &str,
    tags: &'c [String],
) -> Option<&'c str> {
    if tags.is_empty() {
        return None;
    }
    let mut holder = f;
    // `export async function f` / `export const f = …`: the comment precedes the statement.
    for _ in 0..3 {
        match flat.parent(holder) {
            Some(p)
                if matches!(
                    p.kind_name(),
                    "export_statement" | "variable_declarator" | "lexical_declaration"
                ) =>
            {
                holder = p
            }
            _ => break,
        }
    }
    let comment = flat
        .prev_named_sibling(holder)
        .filter(|c| c.kind_name() == "comment")?;
    let t = text(comment, src);
    if !t.starts_with("/**") {
        return None;
    }
    tags.iter().map(String::as_str).find(|tag| {
        t.match_indices(tag).any(|(i, _)| {
            !t[i + tag.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
        })
    })
}

/// Every call `x.method(…)` in `bodies`, with its object `x`: `f(call, object)`.
pub(super) fn method_calls<'t>(
    bodies: &[Node<'t>],
    method: &str,
    src: &str,
    mut f: impl FnMut(Node<'t>, Node<'t>),
) {
    for body in bodies {
        traverse(*body, |at, entering| {
            let n = at.node;
            if !entering || n.kind_name() != "call_expression" {
                return;
            }
            let Some(callee) = field(n, "function").map(unwrap_value) else {
                return;
            };
            if callee.kind_name() != "member_expression"
                || field(callee, "property").is_none_or(|p| text(p, src) != method)
            {
                return;
            }
            if let Some(obj) = field(callee, "object") {
                f(n, obj);
            }
        });
    }
}

/// The decorators of method `f`: the ones before it in its class body, and its own children
/// (grammar versions differ).
pub(super) fn method_decorators<'t>(flat: &Flat<'t>, f: Node<'t>) -> Vec<Node<'t>> {
    let mut out = Vec::new();
    let mut prev = flat.prev_named_sibling(f);
    while let Some(d) = prev.filter(|d| d.kind_name() == "decorator") {
        out.push(d);
        prev = flat.prev_named_sibling(d);
    }
    let mut cursor = f.walk();
    for c in f.named_children(&mut cursor) {
        if c.kind_name() == "decorator" {
            out.push(c);
        }
    }
    out
}

/// The name a decorator calls or names (`@Get("/x")` → `Get`, `@rpc` → `rpc`).
pub(super) fn decorator_name<'s>(d: Node, src: &'s str) -> &'s str {
    let t = text(d, src).trim_start_matches('@');
    let end = t
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
        .unwrap_or(t.len());
    &t[..end]
}

/// What a variable assigned `value` stands for: the root of a path (`root_of`), or the values
/// a wrapper is built around (`new ClientReference(url, sql, onClose)` → `url`, `sql`): caching
/// or closing the wrapper caches or closes what it holds.
pub(super) fn alias_roots<'s>(value: Node, src: &'s str) -> Vec<(&'s str, Option<&'s str>)> {
    if let Some(r) = root_of(value, src) {
        return vec![r];
    }
    let v = unwrap_value(value);
    match field(v, "arguments").filter(|_| v.kind_name() == "new_expression") {
        Some(args) => named_kids(args)
            .into_iter()
            .map(unwrap_value)
            .filter(|a| a.kind_name() == "identifier")
            .map(|a| (text(a, src), None))
            .collect(),
        None => Vec::new(),
    }
}

/// `setSocket`, `setClient`: the name React's convention gives a state setter.
pub(super) fn is_state_setter_name(name: &str) -> bool {
    name.strip_prefix("set")
        .and_then(|rest| rest.chars().next())
        .is_some_and(|c| c.is_ascii_uppercase())
}

/// The names an argument hands over: `x`, the values of `{ k: x }`, and what a wrapper call is
/// given (`{ redis: asValue(connection) }`).
/// The shorthand properties of an options object (`{ kafka, topic }`).
pub(super) fn shorthand_names(arg: Node, src: &str) -> Vec<String> {
    let a = unwrap_value(arg);
    if a.kind_name() != "object" {
        return Vec::new();
    }
    named_kids(a)
        .into_iter()
        .filter(|p| p.kind_name() == "shorthand_property_identifier")
        .map(|p| text(p, src).to_string())
        .collect()
}

pub(super) fn handed_names(arg: Node, src: &str, closures: bool) -> Vec<String> {
    let a = unwrap_value(arg);
    match a.kind_name() {
        "identifier" => vec![text(a, src).to_string()],
        "object" => named_kids(a)
            .into_iter()
            .filter_map(|p| field(p, "value"))
            .flat_map(|v| handed_names(v, src, closures))
            .collect(),
        "call_expression" => call_args(a)
            .into_iter()
            .map(unwrap_value)
            .filter(|v| v.kind_name() == "identifier")
            .map(|v| text(v, src).to_string())
            .collect(),
        // A callback handed over (`api.use((req, res, next) => { req.cache = client; … })`)
        // keeps what it uses, when `closures` says the call keeps its callbacks.
        "arrow_function" | "function_expression" if closures => {
            // The names it uses from outside: not those it declares (its parameters, its own
            // `const archive = getArchiveClient()`).
            let mut used: Vec<&str> = Vec::new();
            let mut declared: Vec<&str> = Vec::new();
            traverse(a, |at, entering| {
                let n = at.node;
                if !entering || n.kind_name() != "identifier" {
                    return;
                }
                let name = text(n, src);
                let declares = n.parent().is_some_and(|p| {
                    matches!(
                        p.kind_name(),
                        "variable_declarator"
                            | "required_parameter"
                            | "optional_parameter"
                            | "formal_parameters"
                            | "arrow_function"
                    ) && field(p, "body").is_none_or(|b| b.id() != n.id())
                        && field(p, "value").is_none_or(|v| v.id() != n.id())
                });
                let list = if declares { &mut declared } else { &mut used };
                if !list.contains(&name) {
                    list.push(name);
                }
            });
            used.into_iter()
                .filter(|u| !declared.contains(u))
                .map(String::from)
                .collect()
        }
        _ => Vec::new(),
    }
}

/// An assignment target or a cache read as a key: whitespace dropped, `?.` as `.`, and
/// `["x"]` / `['x']` as `.x`, so that `globalThis["prisma"]` and `globalThis.prisma` meet.
pub(super) fn target_key(t: &str) -> String {
    let mut k: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    k = k.replace("?.", ".");
    for q in ['"', '\'', '`'] {
        k = k
            .replace(&format!("[{q}"), ".")
            .replace(&format!("{q}]"), "");
    }
    k
}

/// Is the member read starting at `this` node `k` negated (`!this.pool`, `!this.pool.ready`)?
pub(super) fn negated(k: Node, src: &str) -> bool {
    let mut cur = k;
    while let Some(p) = cur.parent() {
        crate::lang::budget::tick();
        match p.kind_name() {
            "member_expression" | "parenthesized_expression" | "non_null_expression" => cur = p,
            "unary_expression" => {
                return field(p, "operator").is_some_and(|o| text(o, src) == "!");
            }
            _ => return false,
        }
    }
    false
}

/// The parameter a construction hands its value to through a Node-style callback, its last
/// argument (`amqp.connect(url, function (err, conn) { … })`: `conn`, after an error first).
pub(super) fn delivered_by_callback<'t>(call: Node<'t>, src: &str) -> Option<String> {
    let cb = call_args(call).last().map(|a| unwrap_value(*a))?;
    let err = param_name(cb, 0)?;
    let name = text(err, src).to_ascii_lowercase();
    if !(name == "e" || name.starts_with("err")) {
        return None;
    }
    param_name(cb, 1).map(|p| text(p, src).to_string())
}

/// Does the class whose constructor assigns this construction to `this.field` call one of
/// `release` on that field in any of its methods (`this.field.end()`, `this.field?.close()`)?
pub(super) fn instance_releases(at: At<'_, '_>, src: &str, release: &[String]) -> bool {
    let mut cur = at;
    let mut field_name = None;
    let mut class_body = None;
    while let Some(p) = cur.up() {
        match p.node.kind_name() {
            "assignment_expression" if field_name.is_none() => {
                field_name = field(p.node, "left")
                    .filter(|l| l.kind_name() == "member_expression")
                    .filter(|l| field(*l, "object").is_some_and(|o| o.kind_name() == "this"))
                    .and_then(|l| field(l, "property"))
                    .map(|f| text(f, src).to_string());
            }
            "class_body" => {
                class_body = Some(p.node);
                break;
            }
            _ => {}
        }
        cur = p;
    }
    let (Some(name), Some(body)) = (field_name, class_body) else {
        return false;
    };
    let compact: String = text(body, src)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    release.iter().any(|r| {
        compact.contains(&format!("this.{name}.{r}("))
            || compact.contains(&format!("this.{name}?.{r}("))
    })
}

/// `if (!cache.has(key)) { …; cache.set(key, …) }`, `if (!cache[key]) { …; cache[key] = … }`:
/// a branch that fills the entry it found missing runs once per key (soketi's queue per name).
pub(super) fn fills_missing_key(cond: Node, body: Node, src: &str) -> bool {
    let cond = unwrap_value(cond);
    let Some(tested) = field(cond, "argument")
        .filter(|_| cond.kind_name() == "unary_expression" && text(cond, src).starts_with('!'))
        .map(unwrap_value)
    else {
        return false;
    };
    // (the map's text, the key's text) the condition asks about.
    let (map, key) = match tested.kind_name() {
        "call_expression" => {
            let Some(f) =
                field(tested, "function").filter(|f| f.kind_name() == "member_expression")
            else {
                return false;
            };
            if field(f, "property").is_none_or(|p| text(p, src) != "has") {
                return false;
            }
            match (field(f, "object"), call_args(tested).first()) {
                (Some(o), Some(k)) => (text(o, src), text(*k, src)),
                _ => return false,
            }
        }
        "subscript_expression" => match (field(tested, "object"), field(tested, "index")) {
            (Some(o), Some(k)) => (text(o, src), text(k, src)),
            _ => return false,
        },
        // `let queue = queues.get(name); if (!queue) { queue = new Queue(…); queues.set(name,
        // queue) }`: the local holds what the map has under the key.
        "identifier" => match looked_up_before(tested, body, src) {
            Some(mk) => mk,
            None => return false,
        },
        _ => return false,
    };
    let mut fills = false;
    traverse(body, |a, entering| {
        let n = a.node;
        if !entering || fills {
            return;
        }
        fills = match n.kind_name() {
            "call_expression" => field(n, "function").is_some_and(|f| {
                f.kind_name() == "member_expression"
                    && field(f, "property").is_some_and(|p| text(p, src) == "set")
                    && field(f, "object").is_some_and(|o| text(o, src) == map)
                    && call_args(n).first().is_some_and(|k| text(*k, src) == key)
            }),
            "assignment_expression" => field(n, "left").is_some_and(|l| {
                l.kind_name() == "subscript_expression"
                    && field(l, "object").is_some_and(|o| text(o, src) == map)
                    && field(l, "index").is_some_and(|k| text(k, src) == key)
            }),
            _ => false,
        };
    });
    fills
}

/// `(map, key)` when `local` was declared, in a statement before the `if` whose consequence is
/// `body`, from a lookup of a map (`let queue = queues.get(name)`, `const c = cache[key]`).
fn looked_up_before<'s>(local: Node, body: Node, src: &'s str) -> Option<(&'s str, &'s str)> {
    let name = text(local, src);
    let stmt = body.parent().filter(|p| p.kind_name() == "if_statement")?;
    let mut prev = stmt.prev_named_sibling();
    // (A few statements back: the lookup sits just before its test.)
    for _ in 0..4 {
        let s = prev?;
        prev = s.prev_named_sibling();
        if !matches!(
            s.kind_name(),
            "lexical_declaration" | "variable_declaration"
        ) {
            continue;
        }
        let mut cursor = s.walk();
        for d in s.named_children(&mut cursor) {
            if d.kind_name() != "variable_declarator"
                || field(d, "name").is_none_or(|n| text(n, src) != name)
            {
                continue;
            }
            let mut v = unwrap_value(field(d, "value")?);
            if v.kind_name() == "await_expression" {
                v = unwrap_value(v.named_child(0)?);
            }
            return match v.kind_name() {
                "call_expression" => {
                    let f =
                        field(v, "function").filter(|f| f.kind_name() == "member_expression")?;
                    if field(f, "property").is_none_or(|p| text(p, src) != "get") {
                        return None;
                    }
                    Some((
                        text(field(f, "object")?, src),
                        text(*call_args(v).first()?, src),
                    ))
                }
                "subscript_expression" => Some((
                    text(field(v, "object")?, src),
                    text(field(v, "index")?, src),
                )),
                _ => None,
            };
        }
    }
    None
}
