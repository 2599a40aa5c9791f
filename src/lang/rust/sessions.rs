//! Connections and transactions kept beyond the request. Rust hands a checkout back to its pool
//! when it is dropped, so what this file records is the one shape that keeps it: a struct field
//! or a `static` declared to hold checkouts (a catalogue `checkout` / `session` entry by its
//! `type_path`, `held: Mutex<HashMap<SocketAddr, PooledConnection<'static, M>>>`, `static OPEN:
//! LazyLock<Mutex<HashMap<Uuid, Transaction<'static, MySql>>>>`), and a value built by a call
//! and put into a collection reached through a struct field or a static
//! (`self.held.lock().await.insert(peer, conn)`, `OPEN.lock().await.insert(token, tx)`). The
//! rule joins the two across files.

use super::*;
use crate::catalog::ClientDef;
use crate::facts::{CheckoutField, ClientKind, Parked};

/// How deep a field's type is searched (`Arc<Mutex<HashMap<K, Vec<T>>>>`), aliases included.
const MAX_TYPE_DEPTH: usize = 12;

/// Types through which tasks share what they hold.
const SHARED_TYPES: &[&str] = &["Arc", "Mutex", "RwLock", "DashMap"];

/// A map, set or list type (`HashMap<String, PoolConnection<Postgres>>`).
fn is_collection(ty: &Type) -> bool {
    const COLLECTIONS: &[&str] = &[
        "HashMap", "BTreeMap", "IndexMap", "Vec", "VecDeque", "HashSet", "BTreeSet", "Slab",
    ];
    matches!(ty, Type::Path(tp) if tp.path.segments.last().is_some_and(|s| COLLECTIONS.contains(&s.ident.to_string().as_str())))
}

/// The value a collection method stores: `map.insert(k, v)`, `set.insert(v)`,
/// `vec.insert(i, v)`, `vec.push(v)`, `map.entry(k).or_insert(v)`; or a cell's (`ONE.set(v)`).
fn stored_arg<'e>(method: &str, args: &'e Punctuated<Expr, Token![,]>) -> Option<&'e Expr> {
    match method {
        "insert" => args.iter().last(),
        "push" | "push_back" | "push_front" | "or_insert" | "set" => args.first(),
        // `HOT.get_or_init(|| Mutex::new(conn))`: what the closure gives.
        "get_or_init" | "get_or_insert_with" | "or_insert_with" => match args.first() {
            Some(Expr::Closure(c)) => Some(&c.body),
            _ => None,
        },
        _ => None,
    }
}

/// The nearest struct field on the path to a collection, and the variable it belongs to:
/// `("held", Some("self"))` for `self.held.lock().await`; or the static at its root, which
/// belongs to no variable: `("OPEN", None)` for `OPEN.lock().await` (`is_static` says which
/// paths name one).
fn nearest_field(
    e: &Expr,
    is_static: impl Fn(&syn::Path) -> bool,
) -> Option<(String, Option<String>)> {
    let mut e = e;
    for _ in 0..SPINE_STEPS {
        e = match e {
            Expr::Field(f) => {
                let syn::Member::Named(id) = &f.member else {
                    return None;
                };
                return Some((id.to_string(), expr_ident(&f.base)));
            }
            Expr::Path(p) if p.qself.is_none() && is_static(&p.path) => {
                return last_ident(&p.path).map(|name| (name, None));
            }
            Expr::MethodCall(m) => &m.receiver,
            Expr::Await(a) => &a.base,
            Expr::Try(t) => &t.expr,
            Expr::Unary(u) => &u.expr,
            Expr::Reference(r) => &r.expr,
            Expr::Paren(p) => &p.expr,
            Expr::Group(g) => &g.expr,
            _ => return None,
        };
    }
    None
}

impl<'a, 'ast> Walker<'a, 'ast> {
    /// The catalogue checkout or session a type holds inside a collection shared between tasks
    /// (under an `Arc`, a `Mutex`, an `RwLock` or a `DashMap`: what one request parks there,
    /// another finds), through the file's type aliases (`Arc<Mutex<HashMap<SocketAddr, Held>>>`
    /// with `type Held = PooledConnection<…>`). A struct's own map (`pending: HashMap<u32,
    /// Transaction<…>>` on a per-connection struct) goes with its owner.
    pub(super) fn checkout_in(
        &self,
        ty: &Type,
        shared: bool,
        depth: usize,
    ) -> Option<&'a ClientDef> {
        if depth > MAX_TYPE_DEPTH {
            return None;
        }
        let inner = |t: &Type| self.checkout_in(t, shared, depth + 1);
        match ty {
            Type::Reference(r) => inner(&r.elem),
            Type::Paren(p) => inner(&p.elem),
            Type::Group(g) => inner(&g.elem),
            Type::Array(a) => inner(&a.elem),
            Type::Slice(s) => inner(&s.elem),
            Type::Tuple(t) => t.elems.iter().find_map(inner),
            Type::Path(tp) if tp.qself.is_none() => {
                if tp.path.segments.len() == 1
                    && let Some(alias) = last_ident(&tp.path).and_then(|n| self.pre.aliases.get(&n))
                    && let Some(d) = inner(alias)
                {
                    return Some(d);
                }
                if shared && let Some(d) = self.checkout_type(&self.pre.resolve(&tp.path)) {
                    return Some(d);
                }
                // A struct of this file holding one (`struct Cart { conn: PgConn, … }`, declared
                // before): a collection of them holds checkouts.
                if shared
                    && tp.path.segments.len() == 1
                    && let Some(name) = last_ident(&tp.path)
                    && let Some(f) = self.single_checkout_field(&name, None)
                {
                    return self.catalog.by_id(&f.client);
                }
                let last = tp.path.segments.last()?;
                let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
                    return None;
                };
                let shared = shared || SHARED_TYPES.contains(&last.ident.to_string().as_str());
                args.args.iter().find_map(|a| match a {
                    syn::GenericArgument::Type(t) => self.checkout_in(t, shared, depth + 1),
                    _ => None,
                })
            }
            _ => None,
        }
    }

    /// A checkout or session type of the catalogue: a path under one of an entry's crates whose
    /// last segment is its `type_path`'s (`sqlx::pool::PoolConnection`, `diesel::r2d2::
    /// PooledConnection`).
    fn checkout_type(&self, resolved: &[String]) -> Option<&'a ClientDef> {
        let catalog: &'a LangCatalog = self.catalog;
        let [krate, .., name] = resolved else {
            return None;
        };
        catalog.clients.iter().find(|c| {
            matches!(c.kind, ClientKind::Checkout | ClientKind::Session)
                && c.modules.contains(krate)
                && c.type_path.as_deref().and_then(|t| t.rsplit("::").next()) == Some(name.as_str())
        })
    }

    /// Does a type hold a collection anywhere (`LazyLock<Mutex<HashMap<…>>>`, `DashMap<…>`),
    /// through the file's type aliases?
    fn holds_collection(&self, ty: &Type, depth: usize) -> bool {
        const MORE: &[&str] = &["DashMap", "DashSet", "LruCache", "SkipMap", "BinaryHeap"];
        if depth > MAX_TYPE_DEPTH {
            return false;
        }
        if is_collection(ty) {
            return true;
        }
        match ty {
            Type::Path(tp) => {
                if tp.path.segments.len() == 1
                    && let Some(alias) = last_ident(&tp.path).and_then(|n| self.pre.aliases.get(&n))
                    && self.holds_collection(alias, depth + 1)
                {
                    return true;
                }
                tp.path.segments.last().is_some_and(|s| {
                    MORE.contains(&s.ident.to_string().as_str())
                        || match &s.arguments {
                            syn::PathArguments::AngleBracketed(args) => {
                                args.args.iter().any(|a| match a {
                                    syn::GenericArgument::Type(t) => {
                                        self.holds_collection(t, depth + 1)
                                    }
                                    _ => false,
                                })
                            }
                            _ => false,
                        }
                })
            }
            Type::Reference(r) => self.holds_collection(&r.elem, depth + 1),
            Type::Paren(p) => self.holds_collection(&p.elem, depth + 1),
            Type::Array(_) | Type::Slice(_) => true,
            _ => false,
        }
    }

    /// A field of struct `owner` of this file (declared before) holding one checkout of its
    /// own (`conn: PooledConnection<M>`): the one named `field`, or any.
    fn single_checkout_field(&self, owner: &str, field: Option<&str>) -> Option<&CheckoutField> {
        self.facts
            .checkout_fields
            .iter()
            .find(|c| c.single && c.owner == owner && field.is_none_or(|f| c.field == f))
    }

    /// The named fields of a struct that hold checkouts.
    pub(super) fn record_checkout_fields(&mut self, s: &'ast syn::ItemStruct) {
        if self.in_test() {
            return;
        }
        let syn::Fields::Named(named) = &s.fields else {
            return;
        };
        for f in &named.named {
            let Some(id) = &f.ident else { continue };
            // Shared between tasks, or the struct's own collection of them.
            // Or one checkout of its own (`ledger: PooledConnection<'static, M>`).
            let found = match self.checkout_in(&f.ty, false, 0) {
                Some(def) => Some((def, false)),
                None if is_collection(&f.ty) => self.checkout_in(&f.ty, true, 0).map(|d| (d, true)),
                None => None,
            };
            let single = !self.holds_collection(&f.ty, 0);
            let found = found.or_else(|| {
                single
                    .then(|| self.checkout_in(&f.ty, true, 0))
                    .flatten()
                    .map(|d| (d, true))
            });
            if let Some((def, own)) = found {
                self.facts.checkout_fields.push(CheckoutField {
                    owner: s.ident.to_string(),
                    field: id.to_string(),
                    client: def.id.clone(),
                    span: self.conv.of(id),
                    own,
                    single,
                });
            }
        }
    }

    /// A `static` whose type holds checkouts (`static OPEN: LazyLock<Mutex<HashMap<Uuid,
    /// Transaction<'static, MySql>>>>`): every task reaches it, so it is shared by nature. Recorded
    /// as a field of no struct (an empty `owner`).
    pub(super) fn record_checkout_static(&mut self, s: &'ast syn::ItemStatic) {
        if self.in_test() {
            return;
        }
        if let Some(def) = self.checkout_in(&s.ty, true, 0) {
            self.facts.checkout_fields.push(CheckoutField {
                owner: String::new(),
                field: s.ident.to_string(),
                client: def.id.clone(),
                span: self.conv.of(&s.ident),
                own: false,
                single: !self.holds_collection(&s.ty, 0),
            });
        }
    }

    /// `….field….insert(k, v)` (or `push`, `or_insert`) in a function, where `v` is built by a
    /// call there (`let conn = pool.get_owned().await?`): the call, and the field it is kept in.
    /// A local receiver is followed to what it was bound to
    /// (`let mut imports = ctx.imports.lock().await; imports.insert(room, tx)`).
    pub(super) fn record_parked(&mut self, m: &'ast ExprMethodCall, method: &str) {
        let Some(value) = stored_arg(method, &m.args) else {
            return;
        };
        self.park(&m.receiver, value, self.conv.of(m));
    }

    /// `*slot = Some(conn)` through a guard of a shared cell (`let mut slot =
    /// VISIT_CONN.lock().await`): the value is kept where the guard points, as by `insert`.
    pub(super) fn record_deref_parked(&mut self, a: &'ast syn::ExprAssign) {
        let Expr::Unary(u) = &*a.left else {
            return;
        };
        if !matches!(u.op, syn::UnOp::Deref(_)) || expr_ident(&u.expr).is_none() {
            return;
        }
        self.park(&u.expr, &a.right, self.conv.of(a));
    }

    /// A parameter typed as a collection of checkouts shared between tasks (`dialogs:
    /// &Mutex<HashMap<String, Dialog>>` with `Dialog { db: Object, … }`) at the root of `e`
    /// (`dialogs.lock().await`): its owner keeps it for longer than this call, like a field's.
    /// Recorded as a checkout field without an owner, named for the parameter.
    fn shared_param(&mut self, e: &'ast Expr, at: Span) -> Option<(String, Option<String>)> {
        let mut e = e;
        for _ in 0..SPINE_STEPS {
            e = match e {
                Expr::MethodCall(m) => &m.receiver,
                Expr::Await(a) => &a.base,
                Expr::Try(t) => &t.expr,
                Expr::Unary(u) => &u.expr,
                Expr::Paren(p) => &p.expr,
                Expr::Group(g) => &g.expr,
                _ => break,
            };
        }
        let name = expr_ident(e)?;
        let sig = self.fns.last()?.sig?;
        let ty = sig.inputs.iter().find_map(|a| match a {
            syn::FnArg::Typed(pt) if matches!(&*pt.pat, syn::Pat::Ident(i) if i.ident == name) => {
                Some(&*pt.ty)
            }
            _ => None,
        })?;
        if !self.holds_collection(ty, 0) {
            return None;
        }
        let def = self.checkout_in(ty, false, 0)?;
        if !self
            .facts
            .checkout_fields
            .iter()
            .any(|c| c.owner.is_empty() && c.field == name)
        {
            self.facts.checkout_fields.push(CheckoutField {
                owner: String::new(),
                field: name.clone(),
                client: def.id.clone(),
                span: at,
                own: false,
                single: false,
            });
        }
        Some((name, None))
    }

    /// A value stored into the collection `receiver` names (or into what that local was bound
    /// to), when it is built by a call in this function: the call, and the field or static it
    /// is kept in.
    fn park(&mut self, receiver: &'ast Expr, value: &'ast Expr, at: Span) {
        if self.fns.is_empty() || self.in_test() {
            return;
        }
        let pos = at.start as usize;
        let follow = |w: &Self, e: &'ast Expr| -> Option<&'ast Expr> {
            match expr_ident(e) {
                Some(n) => match w.lookup(&n, pos) {
                    Found::Value(init, _) => Some(init),
                    _ => None,
                },
                None => Some(e),
            }
        };
        // A static of this file, or one named in capitals from elsewhere (`state::OPEN`).
        let statics = &self.pre.statics;
        // (A static named alone, `META.set(conn)`, is no local to follow.)
        let named_static =
            expr_ident(receiver).is_some_and(|n| statics.contains(&n) || is_all_caps(&n));
        let Some(collection) = (if named_static {
            Some(receiver)
        } else {
            follow(self, receiver)
        }) else {
            return;
        };
        let is_static = |p: &syn::Path| {
            last_ident(p)
                .is_some_and(|n| (p.segments.len() == 1 && statics.contains(&n)) || is_all_caps(&n))
        };
        let Some((field, base)) =
            nearest_field(collection, is_static).or_else(|| self.shared_param(collection, at))
        else {
            return;
        };
        let Some(mut built) = follow(self, value_core(value)).map(value_core) else {
            return;
        };
        // A struct holding it (`Cart { conn, items }` with `conn` a checkout field of `Cart`).
        if let Expr::Struct(st) = built
            && let Some(name) = last_ident(&st.path)
            && let Some(f) = st.fields.iter().find(|f| {
                matches!(&f.member, syn::Member::Named(id)
                    if self.single_checkout_field(&name, Some(&id.to_string())).is_some())
            })
            && let Some(inner) = follow(self, value_core(&f.expr)).map(value_core)
        {
            built = inner;
        }
        // Put back where it was taken from (`let tx = map.remove(&id)?; … map.insert(id, tx)`):
        // the same parked value, not another one.
        if taken_from_collection(built) {
            return;
        }
        let Some((shown, span)) = self.built_by(built) else {
            return;
        };
        let owner = match base.as_deref() {
            Some("self") => self.impl_owner.clone(),
            // A dependency's type (`dropshot::RequestContext`, seen through `rqctx.context()`)
            // owns no field of the project's: any struct may.
            Some(v) => self
                .local(v)
                .and_then(|l| l.ty.as_ref())
                .filter(|t| {
                    !(t.len() > 1 && t.first().is_some_and(|c| self.file.project.has_dep(c)))
                })
                .and_then(|t| t.last().cloned()),
            None => None,
        };
        let ctx = self.ctx();
        self.facts.parked.push(Parked {
            owner,
            field,
            ctor: shown,
            span,
            at,
            scope: self.scope(&ctx),
            in_fn: ctx.fn_idx,
            across_loop: false,
            idle: false,
        });
    }

    /// `Self { ledger, .. }` / `Consumer { ledger: conn, .. }` in a function, where a field's
    /// value is built by a call there (`let ledger = wms.get_owned().await?`): the call, and the
    /// field it is kept in (judged only when that field holds one checkout of its own).
    pub(super) fn record_struct_parked(&mut self, st: &'ast syn::ExprStruct) {
        // (The struct declared in this file, before: its constructor is most often beside it.)
        if self.fns.is_empty()
            || self.in_test()
            || !self
                .facts
                .checkout_fields
                .iter()
                .any(|f| f.single && !f.owner.is_empty())
        {
            return;
        }
        let Some(name) = last_ident(&st.path) else {
            return;
        };
        let owner = if name == "Self" {
            match self.impl_owner.clone() {
                Some(o) => o,
                None => return,
            }
        } else {
            name
        };
        for f in &st.fields {
            let syn::Member::Named(id) = &f.member else {
                continue;
            };
            let field = id.to_string();
            if self.single_checkout_field(&owner, Some(&field)).is_none() {
                continue;
            }
            let at = self.conv.of(&f.expr);
            let built = match expr_ident(&f.expr) {
                Some(n) => match self.lookup(&n, at.start as usize) {
                    Found::Value(init, _) => value_core(init),
                    _ => continue,
                },
                None => value_core(&f.expr),
            };
            let Some((shown, span)) = self.built_by(built) else {
                continue;
            };
            let ctx = self.ctx();
            self.facts.parked.push(Parked {
                owner: Some(owner.clone()),
                field,
                ctor: shown,
                span,
                at,
                scope: self.scope(&ctx),
                in_fn: ctx.fn_idx,
                across_loop: false,
                idle: false,
            });
        }
    }

    /// The call that built a value, short (`pool.get_owned()`, `Pool::new()`), and its span.
    pub(super) fn built_by(&self, built: &Expr) -> Option<(String, Span)> {
        match built {
            Expr::MethodCall(c) => Some((
                format!("{}.{}()", self.short_text(&c.receiver), c.method),
                self.conv.of(c),
            )),
            Expr::Call(c) => Some((format!("{}()", self.short_text(&c.func)), self.conv.of(c))),
            _ => None,
        }
    }

    /// An expression's text without whitespace, when short (`ctx.db`); `…` otherwise.
    fn short_text(&self, e: &Expr) -> String {
        let span = self.conv.of(e);
        let text: String = if span.len() <= 240 {
            self.file.slice(span).split_whitespace().collect()
        } else {
            String::new()
        };
        if text.is_empty() || text.len() > 60 {
            "…".to_string()
        } else {
            text
        }
    }
}

/// Is `e` a value taken out of a collection (`map.remove(&id).ok_or(…)?`, `queue.pop_front()`)?
fn taken_from_collection(e: &Expr) -> bool {
    let mut e = e;
    for _ in 0..SPINE_STEPS {
        e = match e {
            Expr::MethodCall(m) => {
                if matches!(
                    m.method.to_string().as_str(),
                    "remove"
                        | "take"
                        | "pop"
                        | "pop_front"
                        | "pop_back"
                        | "swap_remove"
                        | "remove_entry"
                ) {
                    return true;
                }
                &m.receiver
            }
            Expr::Try(t) => &t.expr,
            Expr::Await(a) => &a.base,
            Expr::Paren(p) => &p.expr,
            _ => return false,
        };
    }
    false
}
