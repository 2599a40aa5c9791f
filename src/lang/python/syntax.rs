//! Syntax helpers over tree-sitter nodes: the node-kind table, text and spans, dotted names,
//! call arguments, parameters, binding targets, statements and blocks.

use super::*;

// ---------------------------------------------------------------------------------------------
// Node kinds of the hot loops
// ---------------------------------------------------------------------------------------------

/// The node kinds the walks branch on. `Node::kind()` measures and validates a C string on
/// every call; the walks look kinds up by numeric id in a table built once instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum K {
    Other,
    FunctionDef,
    ClassDef,
    Lambda,
    Block,
    Comprehension,
    If,
    Decorator,
    Call,
    Import,
    KeywordArg,
    WithItem,
    Global,
    Assignment,
    BindsLeft,
    AsPatternTarget,
    NamedExpr,
    Return,
    Identifier,
    Attribute,
    Subscript,
    Str,
}

pub(super) static KINDS: LazyLock<Vec<K>> = LazyLock::new(|| {
    let lang: tree_sitter::Language = tree_sitter_python::LANGUAGE.into();
    (0..lang.node_kind_count())
        .map(|id| {
            let id = u16::try_from(id).unwrap_or(u16::MAX);
            if !lang.node_kind_is_named(id) {
                return K::Other;
            }
            match lang.node_kind_for_id(id).unwrap_or("") {
                "function_definition" => K::FunctionDef,
                "class_definition" => K::ClassDef,
                "lambda" => K::Lambda,
                "block" => K::Block,
                "list_comprehension"
                | "set_comprehension"
                | "dictionary_comprehension"
                | "generator_expression" => K::Comprehension,
                "if_statement" => K::If,
                "decorator" => K::Decorator,
                "call" => K::Call,
                "import_statement" | "import_from_statement" => K::Import,
                "keyword_argument" => K::KeywordArg,
                "with_item" => K::WithItem,
                "global_statement" => K::Global,
                "assignment" => K::Assignment,
                "augmented_assignment" | "for_statement" | "for_in_clause" => K::BindsLeft,
                "as_pattern_target" => K::AsPatternTarget,
                "named_expression" => K::NamedExpr,
                "return_statement" | "yield" => K::Return,
                "identifier" => K::Identifier,
                "attribute" => K::Attribute,
                "subscript" => K::Subscript,
                "string" => K::Str,
                _ => K::Other,
            }
        })
        .collect()
});

pub(super) fn k(node: Node) -> K {
    k_of(node.kind_id())
}

/// [`k`] of a `kind_id()` already asked (see [`crate::lang::flat::Flat`]).
pub(super) fn k_of(kind_id: u16) -> K {
    KINDS.get(usize::from(kind_id)).copied().unwrap_or(K::Other)
}

// ---------------------------------------------------------------------------------------------
// Small syntax helpers
// ---------------------------------------------------------------------------------------------

pub(super) fn text<'s>(node: Node, src: &'s str) -> &'s str {
    src.get(node.byte_range()).unwrap_or("")
}

pub(super) fn span(node: Node) -> Span {
    Span::new(node.start_byte(), node.end_byte())
}

/// The text without whitespace (`redis . Redis` → `redis.Redis`), for display and comparison.
pub(super) fn compact(s: &str) -> String {
    // A text this long names no variable or attribute path: it gets a key of its own (where it
    // lies), so that reading it again for every link of a long chain stays linear.
    if s.len() > COMPACT_MAX {
        return format!("\u{2026}{:p}+{}", s.as_ptr(), s.len());
    }
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\\')
        .collect()
}

/// The longest text [`compact`] reads.
const COMPACT_MAX: usize = 256;

/// `a.b.c` as segments, for identifiers and attribute chains of identifiers.
pub(super) fn dotted<'s>(node: Node, src: &'s str) -> Option<Vec<&'s str>> {
    let mut segs = Vec::new();
    let mut cur = node;
    loop {
        match k(cur) {
            K::Identifier => {
                segs.push(text(cur, src));
                break;
            }
            K::Attribute => {
                segs.push(text(cur.field("attribute")?, src));
                cur = cur.field("object")?;
            }
            _ => return None,
        }
    }
    segs.reverse();
    Some(segs)
}

/// The root identifier of an attribute / subscript / call chain (`a` for `a.b[c].d`).
pub(super) fn root_ident<'s>(node: Node, src: &'s str) -> Option<&'s str> {
    let mut cur = node;
    loop {
        match k(cur) {
            K::Identifier => return Some(text(cur, src)),
            K::Attribute => cur = cur.field("object")?,
            K::Subscript => cur = cur.field("value")?,
            _ => return None,
        }
    }
}

/// Through parentheses and `await`.
pub(super) fn strip(node: Node) -> Node {
    let mut cur = node;
    loop {
        match cur.kind_name() {
            "parenthesized_expression" | "await" => match cur.named_child(0) {
                Some(inner) => cur = inner,
                None => return cur,
            },
            _ => return cur,
        }
    }
}

/// From the named statement after `st` to the last of its block, by cursor (`next_named_sibling`
/// walks the parent's children from the first: a long block made this quadratic).
pub(super) fn rest_of_block(st: Node) -> Option<Span> {
    let parent = st.parent()?;
    let mut cursor = parent.walk();
    cursor.goto_first_child_for_byte(st.end_byte())?;
    while cursor.node().start_byte() < st.end_byte() || !cursor.node().is_named() {
        if !cursor.goto_next_sibling() {
            return None;
        }
    }
    let first = cursor.node();
    let mut cursor = parent.walk();
    cursor.goto_last_child();
    while !cursor.node().is_named() {
        if !cursor.goto_previous_sibling() {
            return None;
        }
    }
    let last = cursor.node();
    (last.end_byte() >= first.start_byte()).then(|| Span::new(first.start_byte(), last.end_byte()))
}

pub(super) fn named_children(node: Node) -> Vec<Node> {
    let mut cursor = node.walk();
    node.named_children(&mut cursor)
        .filter(|n| n.kind_name() != "comment")
        .collect()
}

/// Positional arguments and keyword arguments of a call.
pub(super) fn call_args(call: Node) -> (Vec<Node>, Vec<(Node, Node)>) {
    let mut positional = Vec::new();
    let mut keywords = Vec::new();
    let Some(args) = call.field("arguments") else {
        return (positional, keywords);
    };
    for a in named_children(args) {
        if a.kind_name() == "keyword_argument" {
            if let (Some(n), Some(v)) = (a.field("name"), a.field("value")) {
                keywords.push((n, v));
            }
        } else if !matches!(a.kind_name(), "list_splat" | "dictionary_splat") {
            positional.push(a);
        }
    }
    (positional, keywords)
}

pub(super) fn keyword<'t>(
    keywords: &[(Node<'t>, Node<'t>)],
    name: &str,
    src: &str,
) -> Option<Node<'t>> {
    keywords
        .iter()
        .find(|(n, _)| text(*n, src) == name)
        .map(|(_, v)| *v)
}

/// Names of a function's parameters, in order (`self` included).
pub(super) fn param_names<'t, 's>(params: Node<'t>, src: &'s str) -> Vec<(&'s str, Node<'t>)> {
    let mut out = Vec::new();
    for p in named_children(params) {
        let name = match p.kind_name() {
            "identifier" => Some(p),
            "typed_parameter" => p.named_child(0).map(|c| {
                if matches!(
                    c.kind_name(),
                    "list_splat_pattern" | "dictionary_splat_pattern"
                ) {
                    c.named_child(0).unwrap_or(c)
                } else {
                    c
                }
            }),
            "default_parameter" | "typed_default_parameter" => p.field("name"),
            "list_splat_pattern" | "dictionary_splat_pattern" => p.named_child(0),
            _ => None,
        };
        if let Some(n) = name.filter(|n| n.kind_name() == "identifier") {
            out.push((text(n, src), p));
        }
    }
    out
}

/// Identifiers bound by an assignment target (`a`, `a, b`, `(a, [b, *c])`).
pub(super) fn bind_targets(node: Node, src: &str, out: &mut HashSet<String>) {
    match node.kind_name() {
        "identifier" => {
            out.insert(text(node, src).to_string());
        }
        "pattern_list"
        | "tuple_pattern"
        | "list_pattern"
        | "tuple"
        | "list"
        | "expression_list"
        | "parenthesized_expression"
        | "list_splat_pattern"
        | "as_pattern_target" => {
            for c in named_children(node) {
                bind_targets(c, src, out);
            }
        }
        _ => {}
    }
}

/// Every name bound anywhere under `node`: assignment, `for`, `with … as`, `except … as` and
/// walrus targets, `del`, imports (every identifier of the statement), `def` / `class` names.
pub(super) fn bound_names_in(node: Node, src: &str, out: &mut HashSet<String>) {
    // Each node with its parent (`Node::parent` descends from the root on every call).
    let mut stack = vec![(node, None::<Node>)];
    while let Some((n, parent)) = stack.pop() {
        match n.kind_name() {
            "assignment" | "augmented_assignment" | "for_statement" | "for_in_clause" => {
                if let Some(l) = n.field("left") {
                    bind_targets(l, src, out);
                }
            }
            "as_pattern_target" | "delete_statement" => bind_targets(n, src, out),
            "named_expression" | "function_definition" | "class_definition" => {
                if let Some(name) = n.field("name") {
                    out.insert(text(name, src).to_string());
                }
            }
            "identifier"
                if parent.or_else(|| n.parent()).is_some_and(|p| {
                    p.kind_name().starts_with("import")
                        || p.kind_name() == "dotted_name"
                        || p.kind_name() == "aliased_import"
                }) =>
            {
                out.insert(text(n, src).to_string());
            }
            _ => {}
        }
        stack.extend(named_children(n).into_iter().map(|c| (c, Some(n))));
    }
}

/// The statement that runs right after `stmt` on its normal path: its next sibling, or, for the
/// last statement of an `if` / `elif` / `else` body, a `try:` body (without `else:` /
/// `finally:`) or an `except` handler (without `finally:`), what follows the compound statement.
pub(super) fn next_statement(stmt: Node) -> Option<Node> {
    let mut cur = stmt;
    for _ in 0..8 {
        let mut next = cur.next_named_sibling();
        while let Some(n) = next.filter(|n| n.kind_name() == "comment") {
            next = n.next_named_sibling();
        }
        if next.is_some() {
            return next;
        }
        let block = cur.parent().filter(|b| b.kind_name() == "block")?;
        let holder = block.parent()?;
        let has = |n: Node, kind: &str| named_children(n).iter().any(|c| c.kind_name() == kind);
        cur = match holder.kind_name() {
            "if_statement" => holder,
            "elif_clause" | "else_clause" => holder
                .parent()
                .filter(|p| p.kind_name() == "if_statement")?,
            "try_statement" if !has(holder, "else_clause") && !has(holder, "finally_clause") => {
                holder
            }
            "except_clause" | "except_group_clause" => holder
                .parent()
                .filter(|t| t.kind_name() == "try_statement" && !has(*t, "finally_clause"))?,
            _ => return None,
        };
    }
    None
}

/// The object a chain of calls, attributes and subscripts starts from (`conn` in `await
/// conn.execute(q).all()`), through parentheses and `await`.
pub(super) fn chain_root(node: Node) -> Node {
    let mut cur = node;
    loop {
        let next = match cur.kind_name() {
            "parenthesized_expression" | "await" => cur.named_child(0),
            "call" => cur.field("function"),
            "attribute" => cur.field("object"),
            "subscript" => cur.field("value"),
            _ => None,
        };
        match next {
            Some(n) => cur = n,
            None => return cur,
        }
    }
}

/// A compound statement's header, from its first keyword to its colon included (`async with
/// X() as c:`, `for x in xs:`).
pub(super) fn header_span(stmt: Node) -> Option<Span> {
    let mut cursor = stmt.walk();
    let colon = stmt
        .children(&mut cursor)
        .find(|c| c.kind_name() == ":" && !c.is_named())?;
    Some(Span::new(stmt.start_byte(), colon.end_byte()))
}

pub(super) fn is_main_guard(node: Node, src: &str) -> bool {
    let Some(cond) = node.field("condition") else {
        return false;
    };
    if cond.kind_name() != "comparison_operator" {
        return false;
    }
    let t = compact(text(cond, src));
    t == "__name__==\"__main__\""
        || t == "__name__=='__main__'"
        || t == "\"__main__\"==__name__"
        || t == "'__main__'==__name__"
}

/// The offset of the start of the line holding byte `at`.
pub(super) fn line_start(text: &str, at: usize) -> u32 {
    let start = text
        .get(..at)
        .and_then(|b| b.rfind('\n'))
        .map_or(0, |i| i + 1);
    u32::try_from(start).unwrap_or(u32::MAX)
}

/// The offset just after the line holding byte `end`.
pub(super) fn line_after(text: &str, end: usize) -> u32 {
    let off = match text.get(end..).and_then(|rest| rest.find('\n')) {
        Some(i) => end + i + 1,
        None => text.len(),
    };
    u32::try_from(off).unwrap_or(u32::MAX)
}

/// Move `cursor` to the next node in document order (children first) within the node it was
/// created on; `false` when the walk is over. Ticks the per-file time budget.
pub(super) fn advance(cursor: &mut tree_sitter::TreeCursor<'_>) -> bool {
    crate::lang::budget::tick();
    if cursor.goto_first_child() {
        return true;
    }
    loop {
        if cursor.goto_next_sibling() {
            return true;
        }
        if !cursor.goto_parent() {
            return false;
        }
    }
}

/// The name a `for` loop iterates, directly or through a method call on it: `consumer` for
/// `for msg in consumer:` and `for m in consumer.messages():`.
pub(super) fn iterated_name<'s>(iterable: Node<'_>, src: &'s str) -> Option<&'s str> {
    let root = match iterable.kind_name() {
        "identifier" => Some(iterable),
        "call" => iterable
            .field("function")
            .filter(|f| f.kind_name() == "attribute")
            .and_then(|f| f.field("object"))
            .filter(|o| o.kind_name() == "identifier"),
        _ => None,
    }?;
    Some(text(root, src))
}

/// Is identifier `n` called for its own sake (`setup()`, `x = load()`, `await serve()`,
/// `asyncio.run(main_async())`), not to make a callback handed on
/// (`study.optimize(make_objective(c))` runs the objective per trial)?
pub(super) fn called_for_itself(n: Node<'_>, src: &str) -> bool {
    let Some(call) = n
        .parent()
        .filter(|p| p.kind_name() == "call" && p.field("function") == Some(n))
    else {
        return false;
    };
    let mut up = call.parent();
    while let Some(u) = up.filter(|u| u.kind_name() == "await") {
        up = u.parent();
    }
    match up.map(|u| u.kind_name()) {
        Some("argument_list") => up
            .and_then(|a| a.parent())
            .and_then(|c| c.field("function"))
            .is_some_and(|f| {
                let t = text(f, src);
                t == "run" || t.ends_with(".run")
            }),
        _ => true,
    }
}

/// `async for …` (the keyword is an anonymous child of the statement).
pub(super) fn is_async_for(stmt: Node<'_>) -> bool {
    let mut cursor = stmt.walk();
    stmt.kind_name() == "for_statement" && stmt.children(&mut cursor).any(|c| c.kind() == "async")
}

/// Is `def` a method of a pool the project writes itself: a class that takes clients from one
/// of its containers and puts them back (`self.pool.get_nowait()` … `self.pool.put_nowait(c)`)?
/// What its methods build fills the pool, bounded by it, and is handed back to it.
pub(super) fn hand_written_pool_method(def: Node, src: &str) -> bool {
    let mut up = def.parent();
    for _ in 0..3 {
        match up {
            Some(n) if n.kind_name() == "class_definition" => break,
            Some(n) => up = n.parent(),
            None => return false,
        }
    }
    let Some(class) = up.filter(|n| n.kind_name() == "class_definition") else {
        return false;
    };
    let body = text(class, src);
    // `self.<name>.<method>(` occurrences, by container name.
    let mut takes: HashSet<&str> = HashSet::default();
    let mut gives: HashSet<&str> = HashSet::default();
    let mut rest = body;
    while let Some(i) = rest.find("self.") {
        rest = &rest[i + 5..];
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        let (name, after) = rest.split_at(end);
        let Some(call) = after.strip_prefix('.') else {
            continue;
        };
        let m_end = call
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(call.len());
        let Some(args) = call[m_end..].strip_prefix('(') else {
            continue;
        };
        // The arguments, to the closing parenthesis (`self.http.get(self.url + "/x")` and
        // `self.http.put(url, json=…)` are requests, not a queue's).
        let mut depth = 0usize;
        let close = args
            .find(|c: char| {
                match c {
                    '(' | '[' | '{' => depth += 1,
                    ')' | ']' | '}' if depth > 0 => depth -= 1,
                    ')' => return true,
                    _ => {}
                }
                false
            })
            .unwrap_or(args.len());
        let mut parts = args[..close]
            .split(',')
            .map(str::trim)
            .filter(|a| !a.is_empty());
        let first = parts.next().unwrap_or("");
        let options = |a: &str| ["block", "timeout"].iter().any(|k| a.starts_with(k));
        let value = |a: &str| {
            !a.is_empty()
                && a.chars()
                    .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
        };
        match &call[..m_end] {
            "get" | "get_nowait" | "pop" | "popleft"
                if (first.is_empty() || options(first) || value(first)) && parts.all(options) =>
            {
                takes.insert(name);
            }
            "put" | "put_nowait" | "append" | "appendleft"
                if value(first) && parts.all(options) =>
            {
                gives.insert(name);
            }
            _ => {}
        }
    }
    takes.iter().any(|n| gives.contains(n))
}

/// Does `f` hold for `cond` (parentheses stripped) or, when it is an `and`, for one of its
/// conjuncts, however nested (`if not refresh and _CACHE is not None and fresh:`)? A condition
/// that holds only while one of them does.
pub(super) fn any_conjunct(cond: Node, f: &mut dyn FnMut(Node) -> bool) -> bool {
    let c = strip(cond);
    if c.kind_name() == "boolean_operator"
        && c.child_by_field_name("operator")
            .is_some_and(|o| o.kind_name() == "and")
    {
        return [c.field("left"), c.field("right")]
            .into_iter()
            .flatten()
            .any(|side| any_conjunct(side, f));
    }
    f(c)
}

/// Does the function holding `target` (`self._client`) test it before storing into it: an `if`
/// around the store that runs when it is unset (`if not self._client:`, `if self._client is
/// None:`), or an earlier `if` that returns when it is set (`if self._client: return
/// self._client`)? A value kept that way is built once per object, not per call.
pub(super) fn memo_tested(target: Node, src: &str) -> bool {
    let want = compact(text(target, src));
    // `cond` tests the target: `negated` for the unset test. A conjunct does too (`if s ==
    // "cc" and self.index_id is None:` holds only while it is unset).
    fn tests(cond: Node, negated: bool, want: &str, src: &str) -> bool {
        any_conjunct(cond, &mut |c| tests_one(c, negated, want, src))
    }
    fn tests_one(c: Node, negated: bool, want: &str, src: &str) -> bool {
        let (subject, neg) = match c.kind_name() {
            "not_operator" => (c.field("argument").map(strip), true),
            "comparison_operator" => {
                let t = compact(text(c, src));
                let none = if t.ends_with("isNone") || t.ends_with("==None") {
                    Some(true)
                } else if t.ends_with("isnotNone") || t.ends_with("!=None") {
                    Some(false)
                } else {
                    None
                };
                match none {
                    Some(n) => (c.named_child(0), n),
                    None => (None, false),
                }
            }
            _ => (Some(c), false),
        };
        neg == negated && subject.is_some_and(|s| compact(text(s, src)) == want)
    }
    let tests = |cond: Node, negated: bool| tests(cond, negated, &want, src);
    let mut cur = target;
    while let Some(p) = cur.parent() {
        match p.kind_name() {
            "function_definition" | "lambda" | "class_definition" => return false,
            "if_statement"
                if p.field("consequence").is_some_and(|c| c.id() == cur.id())
                    && p.field("condition").is_some_and(|c| tests(c, true)) =>
            {
                return true;
            }
            "block"
                if p.parent()
                    .is_some_and(|f| f.kind_name() == "function_definition") =>
            {
                return named_children(p)
                    .into_iter()
                    .take_while(|st| st.end_byte() <= target.start_byte())
                    .any(|st| {
                        st.kind_name() == "if_statement"
                            && st.field("consequence").is_some_and(|c| {
                                named_children(c)
                                    .last()
                                    .is_some_and(|l| l.kind_name() == "return_statement")
                            })
                            && st.field("condition").is_some_and(|c| tests(c, false))
                    });
            }
            _ => {}
        }
        cur = p;
    }
    false
}

/// Is function `def` memoized by hand in a dict: it first returns the value kept for its
/// arguments (`try: return CACHE[key] except KeyError: pass`, `if key in CACHE: return
/// CACHE[key]`) and stores what it computes there (`CACHE[key] = data`)? What it builds then runs
/// once per key, like an `@lru_cache` function's.
pub(super) fn memoized_by_dict(def: Node, src: &str) -> bool {
    let Some(body) = def.field("body") else {
        return false;
    };
    // The dict a statement returns an entry of, when it is such a lookup.
    let returned_entry = |st: Node| -> Option<String> {
        let block = match st.kind_name() {
            "try_statement" => {
                let handles_key_error = named_children(st).iter().any(|c| {
                    c.kind_name() == "except_clause" && text(*c, src).contains("KeyError")
                });
                if !handles_key_error {
                    return None;
                }
                st.field("body")?
            }
            "if_statement" => {
                let cond = st.field("condition")?;
                if cond.kind_name() != "comparison_operator" || !text(cond, src).contains(" in ") {
                    return None;
                }
                st.field("consequence")?
            }
            _ => return None,
        };
        named_children(block).into_iter().find_map(|r| {
            if r.kind_name() != "return_statement" {
                return None;
            }
            let v = strip(r.named_child(0)?);
            let dict = match v.kind_name() {
                "subscript" => v.field("value")?,
                "call" => {
                    let f = v.field("function")?;
                    (f.kind_name() == "attribute"
                        && f.field("attribute").is_some_and(|a| text(a, src) == "get"))
                    .then(|| f.field("object"))??
                }
                _ => return None,
            };
            (dict.kind_name() == "identifier").then(|| text(dict, src).to_string())
        })
    };
    let statements: Vec<Node> = named_children(body)
        .into_iter()
        .filter(|st| {
            // A docstring is not a lookup.
            !(st.kind_name() == "expression_statement"
                && st.named_child(0).is_some_and(|e| e.kind_name() == "string"))
        })
        .take(2)
        .collect();
    let Some(cache) = statements.into_iter().find_map(returned_entry) else {
        return false;
    };
    // … and the function stores into that dict.
    let store = format!("{cache}[");
    let mut stack = vec![body];
    while let Some(n) = stack.pop() {
        if n.kind_name() == "assignment"
            && n.field("left")
                .is_some_and(|l| l.kind_name() == "subscript" && text(l, src).starts_with(&store))
        {
            return true;
        }
        if !matches!(
            n.kind_name(),
            "function_definition" | "class_definition" | "lambda"
        ) || n.id() == body.id()
        {
            stack.extend(named_children(n));
        }
    }
    false
}

/// The root name of a store target through a container's methods:
/// `hass.data.setdefault(DOMAIN, {})[entry_id]` → `hass`.
pub(super) fn container_root<'s>(node: Node, src: &'s str) -> Option<&'s str> {
    let mut cur = node;
    loop {
        match cur.kind_name() {
            "identifier" => return Some(text(cur, src)),
            "attribute" => cur = cur.field("object")?,
            "subscript" => cur = cur.field("value")?,
            "call" => {
                cur = cur
                    .field("function")
                    .filter(|f| f.kind_name() == "attribute")?
            }
            _ => return None,
        }
    }
}

/// A name written as a class's (`Handle`, a private `_LockHandle`): CamelCase after any leading
/// underscores.
pub(super) fn class_like(name: &str) -> bool {
    name.trim_start_matches('_')
        .starts_with(|c: char| c.is_ascii_uppercase())
}

/// The class an instance named `name` was built from, as seen at `at`: the callee of the last
/// `name = Class(...)` of the enclosing function (or module) before `at`, when it reads as a
/// class (`handler = TelemetryChannel(robot_id, channel)` → `TelemetryChannel`).
pub(super) fn instance_class<'t>(name: &str, at: Node<'t>, src: &str) -> Option<Node<'t>> {
    let mut scope = at.parent();
    while let Some(s) = scope.filter(|s| !matches!(s.kind_name(), "function_definition" | "module"))
    {
        scope = s.parent();
    }
    let scope = scope?;
    let mut found = None;
    let mut stack = vec![scope];
    while let Some(n) = stack.pop() {
        crate::lang::budget::tick();
        if n.start_byte() >= at.start_byte() {
            continue;
        }
        if n.kind_name() == "assignment"
            && n.field("left")
                .is_some_and(|l| l.kind_name() == "identifier" && text(l, src) == name)
            && let Some(f) = n
                .field("right")
                .filter(|r| r.kind_name() == "call")
                .and_then(|r| r.field("function"))
            && dotted(f, src)
                .and_then(|d| d.last().copied())
                .is_some_and(class_like)
            && found.is_none_or(|p: Node| p.start_byte() < n.start_byte())
        {
            found = Some(f);
        }
        for c in named_children(n) {
            if c == scope
                || !matches!(
                    c.kind_name(),
                    "function_definition" | "class_definition" | "lambda"
                )
            {
                stack.push(c);
            }
        }
    }
    found
}

/// A name for several things (`queues`, `brokers`, `names`), not one (`consumer`, `stream`,
/// `address`).
pub(super) fn plural(name: &str) -> bool {
    // The noun: the last word, or the word before a preposition (`chunks_to_run`,
    // `items_for_user`).
    let words: Vec<&str> = name.split('_').filter(|w| !w.is_empty()).collect();
    let noun = words
        .iter()
        .position(|w| matches!(*w, "to" | "for" | "of" | "in" | "by" | "from" | "per"))
        .filter(|&i| i > 0)
        .map_or(words.last(), |i| words.get(i - 1));
    let last = noun.copied().unwrap_or(name).to_ascii_lowercase();
    last.len() > 3 && last.ends_with('s') && !last.ends_with("ss") && !last.ends_with("us")
}

/// Does a string of this function's body hold one of `statements` (`CREATE TABLE`), without
/// regard to case or to how the words are spaced?
pub(super) fn runs_setup_statements(node: Node, src: &str, statements: &[String]) -> bool {
    if statements.is_empty() {
        return false;
    }
    let mut cursor = node.walk();
    loop {
        let n = cursor.node();
        if n.kind_name() == "string" {
            let words: Vec<String> = text(n, src)
                .split_whitespace()
                .map(str::to_ascii_uppercase)
                .collect();
            let joined = words.join(" ");
            if statements.iter().any(|s| joined.contains(s.as_str())) {
                return true;
            }
        }
        if !advance(&mut cursor) {
            return false;
        }
    }
}

/// `@staticmethod` / `@classmethod`.
pub(super) fn static_or_class_method(decorator: Node, src: &str) -> bool {
    matches!(
        text(decorator, src).trim_start_matches('@').trim(),
        "staticmethod" | "classmethod"
    )
}

/// The functions defined in function `f`'s own body that it returns inside a literal
/// collection (`return {"stream": stream, "update": update, "before_db": before_db}`, a
/// Prodigy recipe's components; `return [on_start, on_event]`): `f` builds the callbacks a
/// host then calls, so `f` itself runs once, per set-up, and the callbacks per event.
pub(super) fn returned_callbacks(f: Node, src: &str) -> Vec<String> {
    let Some(body) = f.field("body") else {
        return Vec::new();
    };
    let mut defined: Vec<&str> = Vec::new();
    let mut returns: Vec<Node> = Vec::new();
    let mut stack = vec![body];
    let mut seen = 0;
    while let Some(n) = stack.pop() {
        seen += 1;
        if seen > 20_000 {
            return Vec::new();
        }
        for c in named_children(n) {
            match c.kind_name() {
                "function_definition" => {
                    if let Some(name) = c.field("name") {
                        defined.push(text(name, src));
                    }
                }
                "decorated_definition" => {
                    if let Some(name) = c
                        .field("definition")
                        .filter(|d| d.kind_name() == "function_definition")
                        .and_then(|d| d.field("name"))
                    {
                        defined.push(text(name, src));
                    }
                }
                "class_definition" | "lambda" => {}
                "return_statement" => returns.extend(c.named_child(0)),
                _ => stack.push(c),
            }
        }
    }
    let mut out: Vec<String> = Vec::new();
    for r in returns {
        let items: Vec<Node> = match r.kind_name() {
            "dictionary" => named_children(r)
                .into_iter()
                .filter_map(|p| p.field("value"))
                .collect(),
            "list" | "tuple" | "expression_list" => named_children(r),
            _ => continue,
        };
        for v in items {
            if v.kind_name() == "identifier" && defined.contains(&text(v, src)) {
                out.push(text(v, src).to_string());
            }
        }
    }
    out
}
