//! The extent of a syntax node — from its first token to its last — in time that does not grow
//! with the node's size.
//!
//! `syn`'s `Spanned::span()` prints the whole node into a token stream to find its ends: asked
//! for every statement of 10,000 nested blocks, or every call of a 100,000-link method chain,
//! that is quadratic. Here the first token of an expression is found by walking its left spine
//! (`a.b().c()` → `a`) and the last by walking its right spine (`|| || x` → `x`); every node a
//! walk passes shares the answer, so it is remembered for all of them and each node is walked
//! through at most once per direction.

use std::cell::RefCell;
use std::collections::HashMap;

use proc_macro2::Span as PmSpan;
use syn::spanned::Spanned;
use syn::{Block, Expr, Item, Local, Stmt};

/// Remembered ends, by node address (the tree outlives the memo).
#[derive(Default)]
pub(super) struct Memo {
    first: RefCell<HashMap<usize, PmSpan>>,
    last: RefCell<HashMap<usize, PmSpan>>,
}

fn key(e: &Expr) -> usize {
    std::ptr::from_ref(e) as usize
}

/// The first token of a node's outer attributes, if any (`#![…]` inner attributes sit inside).
fn attrs_first(attrs: &[syn::Attribute]) -> Option<PmSpan> {
    attrs
        .iter()
        .find(|a| matches!(a.style, syn::AttrStyle::Outer))
        .map(|a| a.pound_token.span)
}

impl Memo {
    /// The span of the first token of `e`.
    pub(super) fn first(&self, e: &Expr) -> PmSpan {
        let mut passed = Vec::new();
        let mut cur = e;
        let found = loop {
            if let Some(s) = self.first.borrow().get(&key(cur)) {
                break *s;
            }
            if let Some(s) = expr_attrs(cur).and_then(attrs_first) {
                break s;
            }
            match own_first(cur) {
                Step::Token(s) => break s,
                Step::Into(next) => {
                    passed.push(key(cur));
                    cur = next;
                }
            }
        };
        let mut memo = self.first.borrow_mut();
        for k in passed {
            memo.insert(k, found);
        }
        found
    }

    /// The span of the last token of `e`.
    pub(super) fn last(&self, e: &Expr) -> PmSpan {
        let mut passed = Vec::new();
        let mut cur = e;
        let found = loop {
            if let Some(s) = self.last.borrow().get(&key(cur)) {
                break *s;
            }
            match own_last(cur) {
                Step::Token(s) => break s,
                Step::Into(next) => {
                    passed.push(key(cur));
                    cur = next;
                }
            }
        };
        let mut memo = self.last.borrow_mut();
        for k in passed {
            memo.insert(k, found);
        }
        found
    }
}

/// One step of a spine walk: the end is this token, or the end of that sub-expression.
enum Step<'a> {
    Token(PmSpan),
    Into(&'a Expr),
}

fn expr_attrs(e: &Expr) -> Option<&[syn::Attribute]> {
    let attrs = match e {
        Expr::Array(x) => &x.attrs,
        Expr::Assign(x) => &x.attrs,
        Expr::Async(x) => &x.attrs,
        Expr::Await(x) => &x.attrs,
        Expr::Binary(x) => &x.attrs,
        Expr::Block(x) => &x.attrs,
        Expr::Break(x) => &x.attrs,
        Expr::Call(x) => &x.attrs,
        Expr::Cast(x) => &x.attrs,
        Expr::Closure(x) => &x.attrs,
        Expr::Const(x) => &x.attrs,
        Expr::Continue(x) => &x.attrs,
        Expr::Field(x) => &x.attrs,
        Expr::ForLoop(x) => &x.attrs,
        Expr::Group(x) => &x.attrs,
        Expr::If(x) => &x.attrs,
        Expr::Index(x) => &x.attrs,
        Expr::Infer(x) => &x.attrs,
        Expr::Let(x) => &x.attrs,
        Expr::Lit(x) => &x.attrs,
        Expr::Loop(x) => &x.attrs,
        Expr::Macro(x) => &x.attrs,
        Expr::Match(x) => &x.attrs,
        Expr::MethodCall(x) => &x.attrs,
        Expr::Paren(x) => &x.attrs,
        Expr::Path(x) => &x.attrs,
        Expr::Range(x) => &x.attrs,
        Expr::RawAddr(x) => &x.attrs,
        Expr::Reference(x) => &x.attrs,
        Expr::Repeat(x) => &x.attrs,
        Expr::Return(x) => &x.attrs,
        Expr::Struct(x) => &x.attrs,
        Expr::Try(x) => &x.attrs,
        Expr::TryBlock(x) => &x.attrs,
        Expr::Tuple(x) => &x.attrs,
        Expr::Unary(x) => &x.attrs,
        Expr::Unsafe(x) => &x.attrs,
        Expr::While(x) => &x.attrs,
        Expr::Yield(x) => &x.attrs,
        _ => return None,
    };
    Some(attrs)
}

fn label_or(label: Option<&syn::Label>, token: PmSpan) -> PmSpan {
    label.map_or(token, |l| l.name.apostrophe)
}

fn path_first(path: &syn::Path) -> PmSpan {
    match (&path.leading_colon, path.segments.first()) {
        (Some(c), _) => c.spans[0],
        (None, Some(s)) => s.ident.span(),
        (None, None) => path.span(),
    }
}

fn own_first(e: &Expr) -> Step<'_> {
    use Step::{Into, Token};
    match e {
        Expr::Array(x) => Token(x.bracket_token.span.open()),
        Expr::Assign(x) => Into(&x.left),
        Expr::Async(x) => Token(x.async_token.span),
        Expr::Await(x) => Into(&x.base),
        Expr::Binary(x) => Into(&x.left),
        Expr::Block(x) => Token(label_or(x.label.as_ref(), x.block.brace_token.span.open())),
        Expr::Break(x) => Token(x.break_token.span),
        Expr::Call(x) => Into(&x.func),
        Expr::Cast(x) => Into(&x.expr),
        Expr::Closure(x) => Token(own_first_closure(x).unwrap_or(x.or1_token.span)),
        Expr::Const(x) => Token(x.const_token.span),
        Expr::Continue(x) => Token(x.continue_token.span),
        Expr::Field(x) => Into(&x.base),
        Expr::ForLoop(x) => Token(label_or(x.label.as_ref(), x.for_token.span)),
        Expr::Group(x) => Into(&x.expr),
        Expr::If(x) => Token(x.if_token.span),
        Expr::Index(x) => Into(&x.expr),
        Expr::Infer(x) => Token(x.underscore_token.span),
        Expr::Let(x) => Token(x.let_token.span),
        Expr::Lit(x) => Token(x.lit.span()),
        Expr::Loop(x) => Token(label_or(x.label.as_ref(), x.loop_token.span)),
        Expr::Macro(x) => Token(path_first(&x.mac.path)),
        Expr::Match(x) => Token(x.match_token.span),
        Expr::MethodCall(x) => Into(&x.receiver),
        Expr::Paren(x) => Token(x.paren_token.span.open()),
        Expr::Path(x) => Token(
            x.qself
                .as_ref()
                .map_or_else(|| path_first(&x.path), |q| q.lt_token.span),
        ),
        Expr::Range(x) => match &x.start {
            Some(start) => Into(start),
            None => Token(x.limits.span()),
        },
        Expr::RawAddr(x) => Token(x.and_token.span),
        Expr::Reference(x) => Token(x.and_token.span),
        Expr::Repeat(x) => Token(x.bracket_token.span.open()),
        Expr::Return(x) => Token(x.return_token.span),
        Expr::Struct(x) => Token(
            x.qself
                .as_ref()
                .map_or_else(|| path_first(&x.path), |q| q.lt_token.span),
        ),
        Expr::Try(x) => Into(&x.expr),
        Expr::TryBlock(x) => Token(x.try_token.span),
        Expr::Tuple(x) => Token(x.paren_token.span.open()),
        Expr::Unary(x) => Token(x.op.span()),
        Expr::Unsafe(x) => Token(x.unsafe_token.span),
        Expr::While(x) => Token(label_or(x.label.as_ref(), x.while_token.span)),
        Expr::Yield(x) => Token(x.yield_token.span),
        other => Token(other.span()),
    }
}

fn own_last(e: &Expr) -> Step<'_> {
    use Step::{Into, Token};
    match e {
        Expr::Array(x) => Token(x.bracket_token.span.close()),
        Expr::Assign(x) => Into(&x.right),
        Expr::Async(x) => Token(x.block.brace_token.span.close()),
        Expr::Await(x) => Token(x.await_token.span),
        Expr::Binary(x) => Into(&x.right),
        Expr::Block(x) => Token(x.block.brace_token.span.close()),
        Expr::Break(x) => match (&x.expr, &x.label) {
            (Some(e), _) => Into(e),
            (None, Some(l)) => Token(l.ident.span()),
            (None, None) => Token(x.break_token.span),
        },
        Expr::Call(x) => Token(x.paren_token.span.close()),
        Expr::Cast(x) => Token(x.ty.span()),
        Expr::Closure(x) => Into(&x.body),
        Expr::Const(x) => Token(x.block.brace_token.span.close()),
        Expr::Continue(x) => Token(
            x.label
                .as_ref()
                .map_or(x.continue_token.span, |l| l.ident.span()),
        ),
        Expr::Field(x) => Token(member_span(&x.member)),
        Expr::ForLoop(x) => Token(x.body.brace_token.span.close()),
        Expr::Group(x) => Into(&x.expr),
        Expr::If(x) => match &x.else_branch {
            Some((_, e)) => Into(e),
            None => Token(x.then_branch.brace_token.span.close()),
        },
        Expr::Index(x) => Token(x.bracket_token.span.close()),
        Expr::Infer(x) => Token(x.underscore_token.span),
        Expr::Let(x) => Into(&x.expr),
        Expr::Lit(x) => Token(x.lit.span()),
        Expr::Loop(x) => Token(x.body.brace_token.span.close()),
        Expr::Macro(x) => Token(delimiter_close(&x.mac.delimiter)),
        Expr::Match(x) => Token(x.brace_token.span.close()),
        Expr::MethodCall(x) => Token(x.paren_token.span.close()),
        Expr::Paren(x) => Token(x.paren_token.span.close()),
        Expr::Path(x) => Token(x.path.span()),
        Expr::Range(x) => match &x.end {
            Some(end) => Into(end),
            None => Token(x.limits.span()),
        },
        Expr::RawAddr(x) => Into(&x.expr),
        Expr::Reference(x) => Into(&x.expr),
        Expr::Repeat(x) => Token(x.bracket_token.span.close()),
        Expr::Return(x) => match &x.expr {
            Some(e) => Into(e),
            None => Token(x.return_token.span),
        },
        Expr::Struct(x) => Token(x.brace_token.span.close()),
        Expr::Try(x) => Token(x.question_token.span),
        Expr::TryBlock(x) => Token(x.block.brace_token.span.close()),
        Expr::Tuple(x) => Token(x.paren_token.span.close()),
        Expr::Unary(x) => Into(&x.expr),
        Expr::Unsafe(x) => Token(x.block.brace_token.span.close()),
        Expr::While(x) => Token(x.body.brace_token.span.close()),
        Expr::Yield(x) => match &x.expr {
            Some(e) => Into(e),
            None => Token(x.yield_token.span),
        },
        other => Token(other.span()),
    }
}

/// A node whose extent [`super::syntax::Conv::of`] can give: its first and last token.
pub(super) trait Extent {
    fn ends(&self, memo: &Memo) -> (PmSpan, PmSpan);
}

impl Extent for Expr {
    fn ends(&self, memo: &Memo) -> (PmSpan, PmSpan) {
        (memo.first(self), memo.last(self))
    }
}

impl Extent for Block {
    fn ends(&self, _: &Memo) -> (PmSpan, PmSpan) {
        (self.brace_token.span.open(), self.brace_token.span.close())
    }
}

impl Extent for Local {
    fn ends(&self, _: &Memo) -> (PmSpan, PmSpan) {
        (
            attrs_first(&self.attrs).unwrap_or(self.let_token.span),
            self.semi_token.span,
        )
    }
}

impl Extent for Stmt {
    fn ends(&self, memo: &Memo) -> (PmSpan, PmSpan) {
        match self {
            Stmt::Local(l) => l.ends(memo),
            Stmt::Item(i) => i.ends(memo),
            // A lone `;` after an item (`enum E {};`).
            Stmt::Expr(Expr::Verbatim(t), Some(semi)) if t.is_empty() => (semi.span, semi.span),
            Stmt::Expr(e, semi) => {
                let (first, last) = e.ends(memo);
                (first, semi.map_or(last, |s| s.span))
            }
            Stmt::Macro(m) => {
                let first = attrs_first(&m.attrs).unwrap_or_else(|| path_first(&m.mac.path));
                let last = m
                    .semi_token
                    .map_or_else(|| delimiter_close(&m.mac.delimiter), |s| s.span);
                (first, last)
            }
        }
    }
}

impl Extent for Item {
    fn ends(&self, memo: &Memo) -> (PmSpan, PmSpan) {
        match self {
            Item::Fn(f) => f.ends(memo),
            Item::Impl(i) => (
                attrs_first(&i.attrs).unwrap_or_else(|| {
                    i.defaultness
                        .map(|t| t.span)
                        .or(i.unsafety.map(|t| t.span))
                        .unwrap_or(i.impl_token.span)
                }),
                i.brace_token.span.close(),
            ),
            other => {
                let s = other.span();
                (s, s)
            }
        }
    }
}

impl Extent for syn::ItemFn {
    fn ends(&self, _: &Memo) -> (PmSpan, PmSpan) {
        let first = attrs_first(&self.attrs).unwrap_or_else(|| match &self.vis {
            syn::Visibility::Inherited => self.sig.span(),
            vis => vis.span(),
        });
        (first, self.block.brace_token.span.close())
    }
}

impl Extent for syn::ExprCall {
    fn ends(&self, memo: &Memo) -> (PmSpan, PmSpan) {
        (memo.first(&self.func), self.paren_token.span.close())
    }
}

impl Extent for syn::ExprMethodCall {
    fn ends(&self, memo: &Memo) -> (PmSpan, PmSpan) {
        (memo.first(&self.receiver), self.paren_token.span.close())
    }
}

impl Extent for syn::ExprClosure {
    fn ends(&self, memo: &Memo) -> (PmSpan, PmSpan) {
        let first = match own_first_closure(self) {
            Some(s) => s,
            None => self.or1_token.span,
        };
        (
            attrs_first(&self.attrs).unwrap_or(first),
            memo.last(&self.body),
        )
    }
}

fn own_first_closure(c: &syn::ExprClosure) -> Option<PmSpan> {
    c.lifetimes
        .as_ref()
        .map(|l| l.for_token.span)
        .or(c.constness.map(|t| t.span))
        .or(c.movability.map(|t| t.span))
        .or(c.asyncness.map(|t| t.span))
        .or(c.capture.map(|t| t.span))
}

impl Extent for syn::ExprAssign {
    fn ends(&self, memo: &Memo) -> (PmSpan, PmSpan) {
        (memo.first(&self.left), memo.last(&self.right))
    }
}

/// Small nodes (a path, a type, a pattern, an identifier, a macro's path and tokens): `syn`'s
/// own span, whose cost is their size.
macro_rules! small {
    ($($t:ty),* $(,)?) => {$(
        impl Extent for $t {
            fn ends(&self, _: &Memo) -> (PmSpan, PmSpan) {
                let s = self.span();
                (s, s)
            }
        }
    )*};
}

small!(
    syn::Ident,
    syn::Path,
    syn::Type,
    syn::Pat,
    syn::PatType,
    syn::Macro,
    syn::Attribute,
    syn::Field,
    syn::FnArg,
    syn::LitStr,
    syn::GenericArgument,
    syn::ExprPath,
);

impl Extent for syn::ExprStruct {
    fn ends(&self, _: &Memo) -> (PmSpan, PmSpan) {
        let first = self
            .qself
            .as_ref()
            .map_or_else(|| path_first(&self.path), |q| q.lt_token.span);
        (
            attrs_first(&self.attrs).unwrap_or(first),
            self.brace_token.span.close(),
        )
    }
}

/// `static` and `const` items: from their attributes or keyword to the `;`.
macro_rules! value_item {
    ($($t:ty => $kw:ident),* $(,)?) => {$(
        impl Extent for $t {
            fn ends(&self, _: &Memo) -> (PmSpan, PmSpan) {
                let first = match &self.vis {
                    syn::Visibility::Inherited => self.$kw.span,
                    vis => vis.span(),
                };
                (attrs_first(&self.attrs).unwrap_or(first), self.semi_token.span)
            }
        }
    )*};
}

value_item!(
    syn::ItemStatic => static_token,
    syn::ItemConst => const_token,
    syn::ImplItemConst => const_token,
);

impl<T: Extent + ?Sized> Extent for Box<T> {
    fn ends(&self, memo: &Memo) -> (PmSpan, PmSpan) {
        (**self).ends(memo)
    }
}

fn delimiter_close(d: &syn::MacroDelimiter) -> PmSpan {
    match d {
        syn::MacroDelimiter::Paren(d) => d.span.close(),
        syn::MacroDelimiter::Brace(d) => d.span.close(),
        syn::MacroDelimiter::Bracket(d) => d.span.close(),
    }
}

impl Extent for syn::ExprMacro {
    fn ends(&self, _: &Memo) -> (PmSpan, PmSpan) {
        (
            attrs_first(&self.attrs).unwrap_or_else(|| path_first(&self.mac.path)),
            delimiter_close(&self.mac.delimiter),
        )
    }
}

impl Extent for syn::ItemMacro {
    fn ends(&self, _: &Memo) -> (PmSpan, PmSpan) {
        (
            attrs_first(&self.attrs).unwrap_or_else(|| path_first(&self.mac.path)),
            self.semi_token
                .map_or_else(|| delimiter_close(&self.mac.delimiter), |s| s.span),
        )
    }
}

impl Extent for syn::ExprField {
    fn ends(&self, memo: &Memo) -> (PmSpan, PmSpan) {
        (memo.first(&self.base), member_span(&self.member))
    }
}

fn member_span(m: &syn::Member) -> PmSpan {
    match m {
        syn::Member::Named(i) => i.span(),
        syn::Member::Unnamed(i) => i.span,
    }
}

/// Compares every extent of a file with `syn`'s own span (the tests, and a check run over
/// real crates by hand). Returns the mismatches, as `(what, ours, syn's)` line/column pairs.
#[cfg(test)]
pub(super) fn mismatches(text: &str) -> Vec<String> {
    use syn::visit::Visit;
    struct V<'m> {
        memo: &'m Memo,
        bad: Vec<String>,
    }
    impl V<'_> {
        fn check<T: Extent + Spanned>(&mut self, what: &str, node: &T) {
            let (first, last) = node.ends(self.memo);
            let theirs = node.span();
            let (a, b) = ((first.start(), last.end()), (theirs.start(), theirs.end()));
            if a != b {
                self.bad.push(format!("{what} {a:?} != {b:?}"));
            }
        }
    }
    impl<'ast> Visit<'ast> for V<'_> {
        fn visit_expr(&mut self, e: &'ast Expr) {
            self.check("expr", e);
            syn::visit::visit_expr(self, e);
        }
        fn visit_stmt(&mut self, s: &'ast Stmt) {
            self.check("stmt", s);
            syn::visit::visit_stmt(self, s);
        }
        fn visit_block(&mut self, b: &'ast Block) {
            self.check("block", b);
            syn::visit::visit_block(self, b);
        }
        fn visit_item_fn(&mut self, f: &'ast syn::ItemFn) {
            self.check("fn", f);
            syn::visit::visit_item_fn(self, f);
        }
        fn visit_item_static(&mut self, f: &'ast syn::ItemStatic) {
            self.check("static", f);
            syn::visit::visit_item_static(self, f);
        }
        fn visit_item_const(&mut self, f: &'ast syn::ItemConst) {
            self.check("const", f);
            syn::visit::visit_item_const(self, f);
        }
        fn visit_item_macro(&mut self, f: &'ast syn::ItemMacro) {
            self.check("macro", f);
            syn::visit::visit_item_macro(self, f);
        }
    }
    let Ok(file) = syn::parse_file(text) else {
        return Vec::new();
    };
    let memo = Memo::default();
    let mut v = V {
        memo: &memo,
        bad: Vec::new(),
    };
    v.visit_file(&file);
    v.bad
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extents_are_syns_spans() {
        let text = r#"
#[derive(Debug)]
pub struct S { a: u8 }
pub static P: u8 = 1;
const C: &str = "x";
macro_rules! m { () => {} }
m!();
#[tokio::main]
pub async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let pool = sqlx::PgPool::connect(&std::env::var("X")?).await?;
    let f = move |x: u8| -> u8 { x + 1 };
    let g = async move { pool.close().await };
    'outer: loop { break 'outer; }
    let r = 1..=2; let q = ..3; let t = (1, 2).0; let a = [0u8; 4][1];
    let s = S { a: 1 }; let _ = &mut *Box::new(1);
    if let Some(x) = Some(1) { x } else if true { 2 } else { 3 };
    match 1 { 1 => {}, _ => () }
    unsafe { std::hint::unreachable_unchecked() };
    #[allow(unused)] let _z = -1 as i64;
    x.a().b::<u8>()?.c.await;
    for i in 0..3 { continue; }
    while false {}
    <Vec<u8> as Default>::default();
    vec![1, 2];
    return Ok(());
}
"#;
        let bad = mismatches(text);
        assert!(bad.is_empty(), "{bad:#?}");
    }
}
