//! Macro bodies parsed as code (pass 1): Rocket's `routes!`, `lazy_static!`, expression macros,
//! `select!`, wasmer's `imports!`, markup (`rsx!`, `html!`, `view!`), and the blocks a macro
//! with a syntax of its own writes at its top level.

use super::*;

pub(super) enum MacroContent {
    /// Rocket `routes![a, b::c]`.
    Routes(Vec<syn::Path>),
    /// `lazy_static! { static ref X: T = e; }`, `thread_local! { static X: T = e; }`: names and
    /// initialisers.
    Lazy(Vec<(String, Expr)>),
    /// The body of an expression macro of [`EXPR_MACROS`] (`tokio::join!(a, b)`, `vec![..]`).
    Exprs(Vec<Expr>),
    /// Functions a macro with a syntax of its own declares at its top level (rutie's
    /// `methods!(Class, rtself, fn quote(sku: RString) -> Integer { … }, …)`): read as the
    /// file's functions.
    Fns(Vec<syn::ItemFn>),
}

#[derive(Default)]
pub(super) struct MacroStore {
    pub(super) by_key: HashMap<(usize, usize), MacroContent>,
    /// How many macro bodies the visit is inside (a `vec![…]` in a `vec![…]`), bounded.
    depth: usize,
}

impl MacroStore {
    pub(super) fn collect(ast: &syn::File) -> Self {
        let mut store = MacroStore::default();
        store.visit_file(ast);
        store
    }

    pub(super) fn get(&self, m: &Macro) -> Option<&MacroContent> {
        self.by_key.get(&macro_key(m))
    }
}

pub(super) fn parse_lazy_statics(input: ParseStream) -> syn::Result<Vec<(String, Expr)>> {
    let mut out = Vec::new();
    while !input.is_empty() {
        input.call(Attribute::parse_outer)?;
        input.parse::<Visibility>()?;
        input.parse::<Token![static]>()?;
        if input.peek(Token![ref]) {
            input.parse::<Token![ref]>()?;
        }
        let name = input.parse::<Ident>()?.to_string();
        input.parse::<Token![:]>()?;
        input.parse::<Type>()?;
        input.parse::<Token![=]>()?;
        out.push((name, input.parse::<Expr>()?));
        if input.peek(Token![;]) {
            input.parse::<Token![;]>()?;
        }
    }
    Ok(out)
}

/// The branches of `tokio::select!` / `futures::select!`: `[biased;] pat = future [, if cond]
/// => handler[,]` and `else => handler`, as the futures, conditions and handlers in order.
pub(super) fn parse_select(input: ParseStream) -> syn::Result<Vec<Expr>> {
    let mut out = Vec::new();
    if input.peek(Ident) && input.peek2(Token![;]) {
        input.parse::<Ident>()?;
        input.parse::<Token![;]>()?;
    }
    while !input.is_empty() {
        if input.peek(Token![else]) || input.peek(Token![default]) {
            if input.peek(Token![else]) {
                input.parse::<Token![else]>()?;
            } else {
                input.parse::<Token![default]>()?;
            }
        } else {
            Pat::parse_single(input)?;
            input.parse::<Token![=]>()?;
            out.push(Expr::parse_without_eager_brace(input)?);
            if input.peek(Token![,]) && input.peek2(Token![if]) {
                input.parse::<Token![,]>()?;
                input.parse::<Token![if]>()?;
                out.push(Expr::parse_without_eager_brace(input)?);
            }
        }
        input.parse::<Token![=>]>()?;
        out.push(input.parse::<Expr>()?);
        if input.peek(Token![,]) {
            input.parse::<Token![,]>()?;
        }
    }
    Ok(out)
}

/// `"ns" => { "name" => expr, … }, …`: the expressions.
fn parse_wasm_imports(input: ParseStream) -> syn::Result<Vec<Expr>> {
    let mut out = Vec::new();
    while !input.is_empty() {
        input.parse::<syn::LitStr>()?;
        input.parse::<Token![=>]>()?;
        let inner;
        syn::braced!(inner in input);
        while !inner.is_empty() {
            inner.parse::<syn::LitStr>()?;
            inner.parse::<Token![=>]>()?;
            out.push(inner.parse::<Expr>()?);
            if inner.peek(Token![,]) {
                inner.parse::<Token![,]>()?;
            }
        }
        if input.peek(Token![,]) {
            input.parse::<Token![,]>()?;
        }
    }
    Ok(out)
}

impl<'ast> Visit<'ast> for MacroStore {
    fn visit_macro(&mut self, m: &'ast Macro) {
        if m.tokens.is_empty() {
            return;
        }
        let content = match last_ident(&m.path).as_deref() {
            Some("routes") => m
                .parse_body_with(Punctuated::<syn::Path, Token![,]>::parse_terminated)
                .ok()
                .map(|p| MacroContent::Routes(p.into_iter().collect())),
            Some("lazy_static" | "thread_local") => m
                .parse_body_with(parse_lazy_statics)
                .ok()
                .map(MacroContent::Lazy),
            // `tokio::select! { ev = swarm.select_next_some() => handle(ev).await, … }`: the
            // futures and the handlers, as expressions where the macro stands (in a loop, each
            // handler runs per event).
            Some("select" | "select_biased") => m
                .parse_body_with(parse_select)
                .ok()
                .map(MacroContent::Exprs),
            // wasmer's `imports! { "host" => { "lookup" => Function::new_typed_with_env(…) } }`:
            // the host functions handed to the guest, as expressions.
            Some("imports") => m
                .parse_body_with(parse_wasm_imports)
                .ok()
                .map(MacroContent::Exprs),
            Some(name) if EXPR_MACROS.contains(&name) => m
                .parse_body_with(Punctuated::<Expr, Token![,]>::parse_terminated)
                .ok()
                .map(|p| MacroContent::Exprs(p.into_iter().collect())),
            // A macro with a syntax of its own (bastion's `msg! { ctx.recv().await?, r: Reading
            // => { store(&pool, &r).await; }; … }`): the blocks written at its top level are
            // Rust code run where the macro stands.
            // One that wraps a `match` of its own (elfo's `msg!(match envelope { Ping => … })`)
            // or any other single expression: that expression.
            // Markup (Dioxus's and Freya's `rsx!`, Yew's `html!`, Leptos's `view!`): its braces
            // that hold Rust code (`{rows.iter().map(…)}`, an `onclick: move |_| { … }`
            // handler's body), as expressions where the macro stands: run as the component
            // renders, or on one of its events.
            Some(name) if MARKUP_MACROS.contains(&name) => {
                let mut blocks = Vec::new();
                markup_blocks(&m.tokens, 0, &mut blocks);
                (!blocks.is_empty()).then_some(MacroContent::Exprs(blocks))
            }
            Some(name) if !OPAQUE_MACROS.contains(&name) => match m.parse_body::<Expr>() {
                Ok(e @ (Expr::Match(_) | Expr::Block(_) | Expr::If(_))) => {
                    Some(MacroContent::Exprs(vec![e]))
                }
                // One function named alone (goose's `transaction!(verify::checkout)`): handed
                // on where the macro stands (see [`handed_paths`]).
                Ok(e @ Expr::Path(_)) => Some(MacroContent::Exprs(vec![e])),
                // A table entry (`inventory::submit! { Command { name: "geo.lookup", run:
                // geocode } }`): a value where the macro stands.
                Ok(e @ Expr::Struct(_)) => Some(MacroContent::Exprs(vec![e])),
                _ => {
                    let fns = item_fns(&m.tokens);
                    if !fns.is_empty() {
                        return self.store(m, MacroContent::Fns(fns));
                    }
                    let mut blocks = top_level_blocks(&m.tokens);
                    blocks.extend(signature_fns(&m.tokens));
                    (!blocks.is_empty()).then_some(MacroContent::Exprs(blocks))
                }
            },
            _ => None,
        };
        if let Some(c) = content {
            self.store(m, c);
        }
    }
}

impl MacroStore {
    fn store(&mut self, m: &Macro, c: MacroContent) {
        // The macros written inside this one's expressions (`vec![Service {
        // characteristics: vec![…] }]`): each is read where it stands too.
        if self.depth < 16 {
            self.depth += 1;
            match &c {
                MacroContent::Exprs(exprs) => exprs.iter().for_each(|e| self.visit_expr(e)),
                MacroContent::Lazy(statics) => {
                    statics.iter().for_each(|(_, e)| self.visit_expr(e));
                }
                MacroContent::Fns(fns) => fns.iter().for_each(|f| self.visit_item_fn(f)),
                MacroContent::Routes(_) => {}
            }
            self.depth -= 1;
        }
        self.by_key.insert(macro_key(m), c);
    }
}

/// The functions written at the top level of a macro's tokens (`fn name(…) [-> T] { … }`), each
/// parsed as a function item from its `fn` to its body (at most a few dozen).
fn item_fns(tokens: &proc_macro2::TokenStream) -> Vec<syn::ItemFn> {
    use proc_macro2::{Delimiter, TokenTree};
    const MAX_FNS: usize = 32;
    let trees: Vec<TokenTree> = tokens.clone().into_iter().take(4096).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < trees.len() && out.len() < MAX_FNS {
        let starts = matches!(&trees[i], TokenTree::Ident(k) if k == "fn")
            && matches!(trees.get(i + 1), Some(TokenTree::Ident(_)));
        if !starts {
            i += 1;
            continue;
        }
        let body = (i + 2..trees.len().min(i + 128)).find(
            |&j| matches!(&trees[j], TokenTree::Group(g) if g.delimiter() == Delimiter::Brace),
        );
        let Some(end) = body else {
            break;
        };
        let stream: proc_macro2::TokenStream = trees[i..=end].iter().cloned().collect();
        if let Ok(f) = syn::parse2::<syn::ItemFn>(stream) {
            out.push(f);
        }
        i = end + 1;
    }
    out
}

/// The brace-delimited groups at the top level of a macro's tokens that parse as blocks, as
/// block expressions (at most a few dozen: a macro is not a file).
fn top_level_blocks(tokens: &proc_macro2::TokenStream) -> Vec<Expr> {
    const MAX_BLOCKS: usize = 64;
    tokens
        .clone()
        .into_iter()
        .filter_map(|t| match t {
            proc_macro2::TokenTree::Group(g) if g.delimiter() == proc_macro2::Delimiter::Brace => {
                syn::parse2::<syn::Block>(proc_macro2::TokenTree::Group(g).into()).ok()
            }
            _ => None,
        })
        .take(MAX_BLOCKS)
        .map(|block| {
            Expr::Block(syn::ExprBlock {
                attrs: Vec::new(),
                label: None,
                block,
            })
        })
        .collect()
}

/// The functions a macro names with a signature at its top level (rust-cpython's `py_fn!(py,
/// quote(sku: String, qty: u32))`, which wraps `quote` for Python to call): each as a path,
/// handed on where the macro stands. A call (`f(a, b)`) has no `name: Type` in its parentheses.
fn signature_fns(tokens: &proc_macro2::TokenStream) -> Vec<Expr> {
    use proc_macro2::{Delimiter, TokenTree};
    const MAX_FNS: usize = 16;
    let trees: Vec<TokenTree> = tokens.clone().into_iter().take(256).collect();
    trees
        .windows(2)
        .filter_map(|w| match (&w[0], &w[1]) {
            (TokenTree::Ident(name), TokenTree::Group(g))
                if g.delimiter() == Delimiter::Parenthesis && typed_params(g.stream()) =>
            {
                Some(Expr::Path(syn::ExprPath {
                    attrs: Vec::new(),
                    qself: None,
                    path: syn::Path::from(name.clone()),
                }))
            }
            _ => None,
        })
        .take(MAX_FNS)
        .collect()
}

/// Does a parenthesised group hold `name: Type` (a lone `:`, not one of a path's `::`)?
fn typed_params(stream: proc_macro2::TokenStream) -> bool {
    use proc_macro2::{Spacing, TokenTree};
    let mut after_joint_colon = false;
    for t in stream.into_iter().take(256) {
        let TokenTree::Punct(p) = t else {
            after_joint_colon = false;
            continue;
        };
        if p.as_char() == ':' {
            if p.spacing() == Spacing::Alone && !after_joint_colon {
                return true;
            }
            after_joint_colon = p.spacing() == Spacing::Joint;
        } else {
            after_joint_colon = false;
        }
    }
    false
}

/// The brace groups of markup, at any depth, that parse as blocks of Rust code; the others (an
/// element's `rect { width: "50%", … }`) are searched inside. Bounded, as a macro is not a file.
fn markup_blocks(tokens: &proc_macro2::TokenStream, depth: usize, out: &mut Vec<Expr>) {
    const MAX_BLOCKS: usize = 128;
    if depth > 32 {
        return;
    }
    for t in tokens.clone() {
        if out.len() >= MAX_BLOCKS {
            return;
        }
        let proc_macro2::TokenTree::Group(g) = t else {
            continue;
        };
        if g.delimiter() == proc_macro2::Delimiter::Brace
            && let Ok(block) =
                syn::parse2::<syn::Block>(proc_macro2::TokenTree::Group(g.clone()).into())
        {
            // (A string's braces, `label { "{d.service}" }`, hold no call: nothing to read.)
            if block
                .stmts
                .iter()
                .any(|st| !matches!(st, Stmt::Expr(Expr::Lit(_), _)))
            {
                out.push(Expr::Block(syn::ExprBlock {
                    attrs: Vec::new(),
                    label: None,
                    block,
                }));
            }
            continue;
        }
        markup_blocks(&g.stream(), depth + 1, out);
    }
}

impl<'ast> Walker<'_, 'ast> {
    /// What a macro holds, walked where it stands (see [`MacroStore`]).
    pub(super) fn walk_macro(&mut self, m: &'ast Macro) {
        let macros = self.macros;
        match macros.get(m) {
            Some(MacroContent::Lazy(statics)) => {
                let test = self.in_test();
                let ctx = Ctx {
                    kind: if test {
                        ScopeKind::Test
                    } else {
                        ScopeKind::Module
                    },
                    framework: if test { Some("test") } else { None },
                    fn_idx: None,
                    guard: Guard::Lazy,
                    closure: false,
                    handler_closure: false,
                };
                let fns = std::mem::take(&mut self.fns);
                self.static_bindings.clear();
                self.with_ctx(ctx, |w| {
                    for (_, e) in statics {
                        w.visit_expr(e);
                    }
                });
                self.fns = fns;
            }
            Some(MacroContent::Exprs(exprs)) => {
                for e in exprs {
                    self.visit_expr(e);
                }
            }
            // (Declared where the macro stands: at a module's top level, free functions.)
            Some(MacroContent::Fns(fns)) => {
                for f in fns {
                    self.visit_item_fn(f);
                }
            }
            Some(MacroContent::Routes(_)) | None => {}
        }
    }
}
