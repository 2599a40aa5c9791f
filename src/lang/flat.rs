//! A tree's nodes in document order, found by one cursor walk and kept in an array, so that the
//! passes of a front-end (pre-pass, walk, indexes) iterate an array instead of each stepping a
//! tree-sitter cursor through the whole tree again: a cursor step costs a few hundred
//! nanoseconds (hidden nodes, aliases, visibility), an array step almost nothing.
//!
//! [`Flat::walk`] gives the enter / leave events of a cursor walk over any node's subtree, in the
//! same order. Tree-sitter only; nothing here knows a language.

use tree_sitter::Node;

#[derive(Clone, Copy)]
struct Entry<'t> {
    node: Node<'t>,
    /// `node.kind_id()`, asked once (tree-sitter resolves aliases on every call).
    kind_id: u16,
    /// One past the position of the node's last descendant.
    end: u32,
    /// The position of the node's parent (`u32::MAX`: the walk's root).
    parent: u32,
}

/// The nodes of one tree (named and anonymous), in pre-order.
pub struct Flat<'t> {
    entries: Vec<Entry<'t>>,
    /// The grammar's kinds by kind id (`Node::kind` measures a C string on every call).
    kinds: crate::lang::KindTable,
}

impl<'t> Flat<'t> {
    /// Walk `root`'s tree once. Ticks the per-file time budget per node.
    pub fn new(root: Node<'t>) -> Self {
        let mut entries: Vec<Entry<'t>> = Vec::new();
        // Positions of the nodes entered and not yet left.
        let mut open: Vec<usize> = Vec::new();
        // Visible siblings still to come after the current node, per open level: the cursor is
        // moved on only when one is known to follow (a `goto_next_sibling` that finds none
        // costs as much as one that does: it climbs through hidden nodes and back).
        let mut left: Vec<u32> = Vec::new();
        let mut cursor = root.walk();
        'outer: loop {
            crate::lang::budget::tick();
            let node = cursor.node();
            let kind_id = node.kind_id();
            let parent = open
                .last()
                .and_then(|p| u32::try_from(*p).ok())
                .unwrap_or(u32::MAX);
            open.push(entries.len());
            entries.push(Entry {
                node,
                kind_id,
                end: 0,
                parent,
            });
            let children = node.child_count();
            if children > 0 && cursor.goto_first_child() {
                left.push(children - 1);
                continue;
            }
            loop {
                let end = u32::try_from(entries.len()).unwrap_or(u32::MAX);
                if let Some(i) = open.pop()
                    && let Some(e) = entries.get_mut(i)
                {
                    e.end = end;
                }
                match left.last_mut() {
                    Some(n) if *n > 0 => {
                        *n -= 1;
                        if cursor.goto_next_sibling() {
                            continue 'outer;
                        }
                        // Not expected (the count is tree-sitter's own); climb as if none.
                        left.pop();
                        if !cursor.goto_parent() {
                            break 'outer;
                        }
                    }
                    Some(_) => {
                        left.pop();
                        if !cursor.goto_parent() {
                            break 'outer;
                        }
                    }
                    None => break 'outer,
                }
            }
        }
        Flat {
            entries,
            kinds: crate::lang::kind_table(root),
        }
    }

    /// `(node.kind(), node.is_named())` for a node of kind `kind_id`, from the grammar's table
    /// when the kind is in it (ERROR is not).
    pub fn kind(&self, node: Node<'t>, kind_id: u16) -> (&'t str, bool) {
        match self.kinds.get(usize::from(kind_id)) {
            Some(k) => *k,
            None => (node.kind(), node.is_named()),
        }
    }

    /// Where `node` is in the array: by its start byte (pre-order never goes back), then by id
    /// among the nodes starting there (a parent and its first descendants).
    fn position(&self, node: Node<'t>) -> Option<usize> {
        let start = node.start_byte();
        let id = node.id();
        let from = self
            .entries
            .partition_point(|e| e.node.start_byte() < start);
        let found = self.entries[from..]
            .iter()
            .take_while(|e| e.node.start_byte() == start)
            .position(|e| e.node.id() == id);
        match found {
            Some(k) => Some(from + k),
            // Not expected (a node from another tree); a plain scan says for sure.
            None => self.entries.iter().position(|e| e.node.id() == id),
        }
    }

    /// `node.parent()`, from the array: tree-sitter finds a parent by descending from the root
    /// (thousands of steps in a long file), the array holds it.
    pub fn parent(&self, node: Node<'t>) -> Option<Node<'t>> {
        let Some(i) = self.position(node) else {
            return node.parent();
        };
        let p = self.entries.get(i)?.parent;
        if p == u32::MAX {
            // The walk's root: its parent, if any, is outside the array.
            return node.parent();
        }
        self.entries.get(p as usize).map(|e| e.node)
    }

    /// `node.prev_named_sibling()`, from the array: tree-sitter finds a sibling through the
    /// parent (a descent from the root), the array steps back over the earlier siblings'
    /// subtrees.
    pub fn prev_named_sibling(&self, node: Node<'t>) -> Option<Node<'t>> {
        let Some(i) = self.position(node) else {
            return node.prev_named_sibling();
        };
        let p = self.entries.get(i)?.parent;
        if p == u32::MAX {
            return node.prev_named_sibling();
        }
        let mut j = i;
        while j > p as usize + 1 {
            crate::lang::budget::tick();
            j -= 1;
            // Climb from the last node of an earlier sibling's subtree to that sibling.
            let mut k = j;
            while let Some(e) = self.entries.get(k)
                && e.parent != p
                && e.parent != u32::MAX
            {
                k = e.parent as usize;
            }
            let e = self.entries.get(k)?;
            if e.parent != p {
                return None;
            }
            if self.kind(e.node, e.kind_id).1 {
                return Some(e.node);
            }
            j = k;
        }
        None
    }

    /// Every node of `root`'s subtree, `root` included, in pre-order.
    pub fn nodes(&self, root: Node<'t>) -> impl Iterator<Item = Node<'t>> + '_ {
        self.kinds(root).map(|(n, _)| n)
    }

    /// [`Flat::nodes`] with each node's `kind_id()`.
    pub fn kinds(&self, root: Node<'t>) -> impl Iterator<Item = (Node<'t>, u16)> + '_ {
        let range = self
            .position(root)
            .and_then(|i| Some(i..self.entries.get(i)?.end as usize));
        // A node the array does not hold: its nodes from a cursor walk.
        let other = match range {
            Some(_) => Vec::new(),
            None => {
                let mut out = Vec::new();
                walk_with_cursor(root, |n, kind, entering| {
                    if entering {
                        out.push((n, kind));
                    }
                });
                out
            }
        };
        let held = self.entries[range.unwrap_or(0..0)].iter().map(|e| {
            crate::lang::budget::tick();
            (e.node, e.kind_id)
        });
        held.chain(other)
    }

    /// `f(node, kind_id, true)` when a node of `root`'s subtree is entered and
    /// `f(node, kind_id, false)` when it is left, in the order of a cursor walk; `root` included.
    /// Ticks the time budget per node.
    pub fn walk(&self, root: Node<'t>, mut f: impl FnMut(Node<'t>, u16, bool)) {
        let Some(first) = self.position(root) else {
            return walk_with_cursor(root, f);
        };
        let last = self.entries.get(first).map_or(first, |e| e.end as usize);
        let mut open: Vec<&Entry<'t>> = Vec::new();
        for (i, e) in self.entries[first..last].iter().enumerate() {
            crate::lang::budget::tick();
            let i = first + i;
            while let Some(top) = open.last()
                && top.end as usize <= i
            {
                f(top.node, top.kind_id, false);
                open.pop();
            }
            f(e.node, e.kind_id, true);
            open.push(e);
        }
        while let Some(top) = open.pop() {
            f(top.node, top.kind_id, false);
        }
    }
}

/// The same events as [`Flat::walk`], stepping a cursor (a node the array does not hold).
fn walk_with_cursor<'t>(root: Node<'t>, mut f: impl FnMut(Node<'t>, u16, bool)) {
    let mut cursor = root.walk();
    loop {
        crate::lang::budget::tick();
        let n = cursor.node();
        f(n, n.kind_id(), true);
        if cursor.goto_first_child() {
            continue;
        }
        loop {
            let n = cursor.node();
            f(n, n.kind_id(), false);
            if cursor.goto_next_sibling() {
                break;
            }
            if !cursor.goto_parent() {
                return;
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;

    fn events<'t>(walk: impl FnOnce(&mut dyn FnMut(Node<'t>, u16, bool))) -> Vec<(usize, bool)> {
        let mut out = Vec::new();
        walk(&mut |n, kind, entering| {
            assert_eq!(kind, n.kind_id());
            out.push((n.id(), entering))
        });
        out
    }

    fn parse(language: tree_sitter::Language, src: &str) -> tree_sitter::Tree {
        let mut parser = tree_sitter::Parser::new();
        parser.set_language(&language).unwrap();
        parser.parse(src, None).unwrap()
    }

    #[test]
    fn same_events_as_a_cursor_walk_on_every_subtree() {
        let src = "def f(a, b=1):\n    if a:\n        return [x for x in b]\n    return (\n\nclass C:\n    x = 1\n";
        let tree = parse(tree_sitter_python::LANGUAGE.into(), src);
        let flat = Flat::new(tree.root_node());
        let all: Vec<Node> = flat.nodes(tree.root_node()).collect();
        assert!(all.len() > 30);
        assert!(all.iter().any(|n| n.is_error() || n.is_missing()));
        // A node of another tree (the same text parsed again) is walked with a cursor.
        let again = parse(tree_sitter_python::LANGUAGE.into(), src);
        let other: Vec<usize> = flat.nodes(again.root_node()).map(|n| n.id()).collect();
        let own: Vec<usize> = Flat::new(again.root_node())
            .nodes(again.root_node())
            .map(|n| n.id())
            .collect();
        assert_eq!(other, own);
        for n in all {
            assert_eq!(
                flat.parent(n).map(|p| p.id()),
                n.parent().map(|p| p.id()),
                "{}",
                n.kind()
            );
            assert_eq!(
                flat.prev_named_sibling(n).map(|p| p.id()),
                n.prev_named_sibling().map(|p| p.id()),
                "{}",
                n.kind()
            );
            assert_eq!(flat.kind(n, n.kind_id()), (n.kind(), n.is_named()));
            let a = events(|f| flat.walk(n, f));
            let b = events(|f| walk_with_cursor(n, f));
            assert_eq!(a, b, "{}", n.kind());
            let pre: Vec<usize> = flat.nodes(n).map(|m| m.id()).collect();
            let entered: Vec<usize> = b.iter().filter(|e| e.1).map(|e| e.0).collect();
            assert_eq!(pre, entered);
        }
    }

    /// The kind table gives what tree-sitter gives, aliases included (TSX aliases identifiers
    /// to `property_identifier`, `type_identifier`, `shorthand_property_identifier` …).
    #[test]
    fn kind_table_matches_tree_sitter() {
        let src = "import { a as b } from 'x';\nclass C<T> { p = 1; /** doc */ @get() @x m(): T { return this.p as T } }\nconst o = { a, b: 2, [c]: `${d}` };\nexport default function F() { return <div className={o.a}>{b}</div> }\nlet = (;\n";
        let tree = parse(tree_sitter_typescript::LANGUAGE_TSX.into(), src);
        let flat = Flat::new(tree.root_node());
        let mut seen = std::collections::HashSet::new();
        for (n, id) in flat.kinds(tree.root_node()) {
            assert_eq!(flat.kind(n, id), (n.kind(), n.is_named()), "{id}");
            assert_eq!(flat.parent(n).map(|p| p.id()), n.parent().map(|p| p.id()));
            assert_eq!(
                flat.prev_named_sibling(n).map(|p| p.id()),
                n.prev_named_sibling().map(|p| p.id())
            );
            seen.insert(n.kind());
        }
        assert!(seen.contains("property_identifier") && seen.contains("ERROR"));
    }
}
