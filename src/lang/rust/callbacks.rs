//! Callbacks handed to a dependency in shapes no catalogue entry names: a type built on a
//! closure that takes what happens (`Server::new(|request, response| …)`), a closure set on a
//! listener's builder (`registry.add_listener_local().global(move |g| …)`), a closure wrapped in
//! `Some(…)` or `Box::new(…)` on its way to a registration (`conn.update_hook(Some(move |…| …))`).

use super::*;

/// A closure that takes arguments (`|request, response| …`): something calls it with what
/// happened. (`|| …` is a thunk: a lazy value, a task, a retry's attempt.)
pub(super) fn closure_with_inputs(e: &Expr) -> bool {
    match wrapped_closure(e).unwrap_or(e) {
        Expr::Closure(c) => !c.inputs.is_empty(),
        _ => false,
    }
}

/// A closure whose first input is typed as what happens (`|request: Box<CoapRequest<A>>|`,
/// `|event: WindowEvent|`: a type whose name ends with one of `event_types`), through a
/// reference, `Box`, `Arc` or `Rc`: whoever it is handed to calls it once per such thing.
pub(super) fn closure_takes_event(e: &Expr, event_types: &[String]) -> bool {
    let Expr::Closure(c) = wrapped_closure(e).unwrap_or(e) else {
        return false;
    };
    let Some(syn::Pat::Type(pt)) = c.inputs.first() else {
        return false;
    };
    type_names_event(&pt.ty, event_types, 0)
}

/// The closure inside `Some(…)`, `Box::new(…)`, `Arc::new(…)` or `Rc::new(…)`, or several of
/// them: the registration takes it wrapped.
pub(super) fn wrapped_closure(e: &Expr) -> Option<&Expr> {
    let Expr::Call(c) = e else { return None };
    let Expr::Path(p) = &*c.func else { return None };
    let names: Vec<String> = p
        .path
        .segments
        .iter()
        .map(|s| s.ident.to_string())
        .collect();
    let wrapper = match names.as_slice() {
        [only] => only == "Some",
        [.., ty, f] => f == "new" && matches!(ty.as_str(), "Box" | "Arc" | "Rc"),
        _ => false,
    };
    match (wrapper, c.args.len(), c.args.first()) {
        (true, 1, Some(inner @ Expr::Closure(_))) => Some(inner),
        // `Some(Box::new(move |…| …))`: libpulse's `set_subscribe_callback`.
        (true, 1, Some(inner)) => wrapped_closure(inner),
        _ => None,
    }
}

/// Is `receiver` a chain through a call that makes a listener (`add_listener_local()`,
/// `listener()`, `callbacks()`), so that the methods on it set that listener's callbacks?
pub(super) fn listener_chain(receiver: &Expr) -> bool {
    let mut cur = receiver;
    loop {
        let name = match cur {
            Expr::MethodCall(m) => {
                cur = &m.receiver;
                m.method.to_string()
            }
            Expr::Call(c) => match &*c.func {
                Expr::Path(p) => {
                    let Some(last) = p.path.segments.last() else {
                        return false;
                    };
                    let ty = p.path.segments.iter().rev().nth(1);
                    let name = last.ident.to_string();
                    return listener_word(&name)
                        || ty.is_some_and(|t| listener_word(&t.ident.to_string()));
                }
                _ => return false,
            },
            Expr::Await(a) => {
                cur = &a.base;
                continue;
            }
            Expr::Try(t) => {
                cur = &t.expr;
                continue;
            }
            _ => return false,
        };
        if listener_word(&name) {
            return true;
        }
    }
}

/// A name made of words one of which is `listener` / `listeners` / `callbacks`
/// (`add_listener_local`, `AppSinkCallbacks`).
fn listener_word(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower
        .split('_')
        .any(|w| matches!(w, "listener" | "listeners" | "callbacks"))
        || (name.contains("Listener") || name.ends_with("Callbacks"))
}

impl Walker<'_, '_> {
    /// Is `span` inside a branch that runs only when something is missing (a file, an empty
    /// cache slot)? What it builds is built once, then kept.
    pub(super) fn in_miss_branch(&self, span: Span) -> bool {
        self.miss_branches
            .iter()
            .any(|b| b.start <= span.start && span.end <= b.end)
    }

    /// Does a word of `name` (snake or camel case) say it runs once: a once-only event of the
    /// catalogue, or one of `extra` (`sqlite3_geocode_init`, `plugin_on_load`)?
    pub(super) fn once_only_name(&self, name: &str, extra: &[&str]) -> bool {
        name.split('_')
            .flat_map(super::scopes::split_camel)
            .any(|w| {
                self.catalog.registration.once_events.contains(&w) || extra.contains(&w.as_str())
            })
    }

    /// Does a dependency's attribute sit on the function (`#[polars_expr(output_type = String)]`
    /// after `use pyo3_polars::derive::polars_expr;`, `#[wasm_bindgen::prelude::wasm_bindgen]`)? A dependency's attribute
    /// macro on a function exports it to whatever calls it (a host language, a query engine, a
    /// plugin runtime), probably per call, unless the catalogue's `not_attributes` (and the
    /// names never registrations) say it only wraps the function (memoising, tracing, tests,
    /// `main`s, tasks spawned once). Matched through `use` or a path starting with the crate.
    pub(super) fn dependency_attr(&self, attrs: &[Attribute]) -> bool {
        let def = &self.catalog.registration.inferred;
        // (Not one its author marks `#[allow(dead_code)]`: nothing calls it.)
        !allows_dead_code(attrs)
            && attrs.iter().any(|a| {
                let mut resolved = self.pre.resolve(a.path());
                // A bare name no `use` brings in and the language does not define
                // (`#[get_matches]` after `use anyrun_plugin::*;`): the glob import's.
                if let [bare] = resolved.as_slice()
                    && !BUILTIN_ATTRS.contains(&bare.as_str())
                    && let Some(krate) = self.pre.globs.iter().find_map(|g| {
                        g.first().filter(|k| {
                            !matches!(k.as_str(), "crate" | "self" | "super")
                                && self.file.project.has_crate(k)
                        })
                    })
                {
                    resolved.insert(0, krate.clone());
                }
                let (Some(krate), Some(last)) = (resolved.first(), resolved.last()) else {
                    return false;
                };
                resolved.len() > 1
                    && !STD_CRATES.contains(&krate.as_str())
                    && self.file.project.has_crate(krate)
                    && !def.not_attributes.iter().any(|n| n == last)
                    && !crate::lang::inferred::denied(def, last)
            })
    }

    /// A function component of a UI framework that runs it again on every render (the
    /// catalogue's `[registration] components`).
    pub(super) fn component_fn(&self, attrs: &[Attribute], sig: &Signature) -> bool {
        let returns = match &sig.output {
            syn::ReturnType::Type(_, ty) => match &**ty {
                syn::Type::Path(p) => last_ident(&p.path),
                _ => None,
            },
            syn::ReturnType::Default => None,
        };
        let name = sig.ident.to_string();
        self.catalog.registration.components.iter().any(|c| {
            c.dependencies
                .iter()
                .any(|d| self.file.project.has_crate(d))
                && (attrs.iter().any(|a| attr_named(a, &c.attributes))
                    || starts_upper(&name)
                        && returns
                            .as_ref()
                            .is_some_and(|r| c.returns.iter().any(|x| x == r)))
        })
    }

    /// `Type::f(…, |request, response| …)` with `Type` of a dependency (not the standard
    /// library's, not a lazy cell's) and `f` not a set-up (`[registration.inferred]
    /// once_prefixes`), nor for a once-only event (Rocket's `AdHoc::try_on_ignite`), nor a
    /// shape that is no registration (`not_methods`).
    pub(super) fn dependency_constructor_callback(
        &self,
        resolved: &[String],
        args: &Punctuated<Expr, syn::Token![,]>,
    ) -> bool {
        let def = &self.catalog.registration.inferred;
        let n = resolved.len();
        let (Some(krate), Some(last)) = (resolved.first(), resolved.last()) else {
            return false;
        };
        let ty = if n >= 2 { resolved[n - 2].as_str() } else { "" };
        n >= 3
            && starts_upper(ty)
            && !vocab::LAZY_TYPES.contains(&ty)
            && !vocab::STD_CRATES.contains(&krate.as_str())
            && self.file.project.has_crate(krate)
            && !crate::lang::inferred::denied(def, last)
            && !def
                .once_prefixes
                .iter()
                .any(|p| last.starts_with(p.as_str()))
            && !last.rsplit_once("on_").is_some_and(|(_, event)| {
                self.catalog
                    .registration
                    .once_events
                    .iter()
                    .any(|o| o == event)
            })
            && args.iter().any(closure_with_inputs)
    }
}

/// Does this method build `Self` (`-> Self`, `-> Result<Self, E>`, `-> Option<Box<Self>>`)
/// from a configuration (a parameter whose type's name ends with one of `config_types`:
/// `config: &StorageConfig`)? A dependency's registry calls such a method to make the object,
/// once per object, which keeps what it builds (chroma's `Configurable::try_from_config`).
pub(super) fn builds_self_from_config(sig: &Signature, config_types: &[String]) -> bool {
    fn is_self(ty: &Type, depth: usize) -> bool {
        let Type::Path(tp) = ty else { return false };
        let Some(last) = tp.path.segments.last() else {
            return false;
        };
        if last.ident == "Self" {
            return true;
        }
        if depth > 3
            || !matches!(
                last.ident.to_string().as_str(),
                "Result" | "Option" | "Box" | "Arc"
            )
        {
            return false;
        }
        match &last.arguments {
            syn::PathArguments::AngleBracketed(a) => a.args.first().is_some_and(
                |g| matches!(g, syn::GenericArgument::Type(t) if is_self(t, depth + 1)),
            ),
            _ => false,
        }
    }
    fn type_name(ty: &Type) -> Option<String> {
        match ty {
            Type::Reference(r) => type_name(&r.elem),
            Type::Path(tp) => tp.path.segments.last().map(|s| s.ident.to_string()),
            _ => None,
        }
    }
    let syn::ReturnType::Type(_, out) = &sig.output else {
        return false;
    };
    is_self(out, 0)
        && sig.inputs.iter().any(|a| match a {
            syn::FnArg::Typed(pt) => type_name(&pt.ty)
                .is_some_and(|n| config_types.iter().any(|c| n.ends_with(c.as_str()))),
            syn::FnArg::Receiver(_) => false,
        })
}

/// Does one of the attributes give the function the name its callers use (`#[native(name =
/// "Garage_Load")]`, `#[export(name = "quote")]`)?
pub(super) fn names_itself(attrs: &[Attribute]) -> bool {
    attrs.iter().any(|a| {
        let mut found = false;
        if let syn::Meta::List(_) = &a.meta {
            let _ = a.parse_nested_meta(|m| {
                if m.path.is_ident("name") {
                    found |= m.value().and_then(|v| v.parse::<syn::LitStr>()).is_ok();
                } else if m.input.peek(syn::Token![=]) {
                    // Skip another `key = value` pair.
                    let _ = m.value().and_then(|v| v.parse::<syn::Expr>());
                } else if m.input.peek(syn::token::Paren) {
                    let _ = m.parse_nested_meta(|_| Ok(()));
                }
                Ok(())
            });
        }
        found
    })
}

/// Is an input of the function typed as what happens (`async fn up_msg_handler(req:
/// UpMsgRequest<UpMsg>)`, rusty_v8's `fn velocity(scope: &mut HandleScope, args:
/// FunctionCallbackArguments, rv: ReturnValue)`: a type whose name ends with one of
/// `event_types`)?
pub(super) fn takes_event(sig: &syn::Signature, event_types: &[String]) -> bool {
    sig.inputs
        .iter()
        .any(|i| matches!(i, syn::FnArg::Typed(pt) if type_names_event(&pt.ty, event_types, 0)))
}

/// A type whose name ends with one of `event_types`, through a reference, `Box`, `Arc` or `Rc`.
fn type_names_event(ty: &Type, event_types: &[String], depth: usize) -> bool {
    match ty {
        Type::Reference(r) if depth < 4 => type_names_event(&r.elem, event_types, depth + 1),
        Type::Path(tp) => tp.path.segments.last().is_some_and(|last| {
            let name = last.ident.to_string();
            match (&last.arguments, name.as_str()) {
                (syn::PathArguments::AngleBracketed(a), "Box" | "Arc" | "Rc") if depth < 4 => {
                    matches!(a.args.first(), Some(syn::GenericArgument::Type(t))
                        if type_names_event(t, event_types, depth + 1))
                }
                _ => event_types.iter().any(|t| name.ends_with(t.as_str())),
            }
        }),
        _ => false,
    }
}

/// Functions of the file typed as taking what happens, handed by name to a call of a function
/// that is not one of the file's (moon's `start(frontend, up_msg_handler, |_| {})`): whoever
/// gets them calls them once per request or event, probably.
pub(super) fn event_fn_refs(pre: &mut super::prepass::Pre<'_>) {
    let handed = std::mem::take(&mut pre.handed_fns);
    for (callee, path) in handed {
        if path.segments.len() == 1
            && !pre.fns.contains(&callee)
            && last_ident(path).is_some_and(|n| pre.event_fns.contains(&n))
        {
            pre.inferred_refs.push(path);
        }
    }
}

/// A return type for a callback called again and again: `impl FnMut(&Fill, Sequence, bool)`,
/// `impl Fn(Request) -> Response`, `Box<dyn FnMut(Event) + Send>` (not `FnOnce`, called once).
pub(super) fn repeated_callback_type(ty: &Type) -> bool {
    let repeated = |bounds: &syn::punctuated::Punctuated<syn::TypeParamBound, Token![+]>| {
        bounds.iter().any(|b| {
            matches!(b, syn::TypeParamBound::Trait(t)
                if t.path.segments.last().is_some_and(|s| s.ident == "Fn" || s.ident == "FnMut"))
        })
    };
    match ty {
        Type::ImplTrait(i) => repeated(&i.bounds),
        Type::TraitObject(o) => repeated(&o.bounds),
        Type::Paren(p) => repeated_callback_type(&p.elem),
        Type::Path(p) if p.qself.is_none() => p.path.segments.last().is_some_and(|s| {
            matches!(s.ident.to_string().as_str(), "Box" | "Arc" | "Rc")
                && matches!(&s.arguments, syn::PathArguments::AngleBracketed(a)
                    if a.args.iter().any(|g| matches!(g, syn::GenericArgument::Type(t)
                        if repeated_callback_type(t))))
        }),
        _ => false,
    }
}

impl Walker<'_, '_> {
    /// Is closure `c` what the current function returns (its tail, maybe in `Box::new`), the
    /// function typed as returning a callback called again and again (`fn journal(url: String)
    /// -> impl FnMut(&Fill, Sequence, bool)`)? Whoever takes it (disruptor's
    /// `handle_events_with`) calls it once per event: an inferred handler.
    pub(super) fn returned_callback(&self, c: &ExprClosure) -> bool {
        let Some(f) = self.fns.last() else {
            return false;
        };
        let Some(syn::ReturnType::Type(_, ty)) = f.sig.map(|s| &s.output) else {
            return false;
        };
        if c.inputs.is_empty() || !repeated_callback_type(ty) {
            return false;
        }
        let Some(tail) = super::returns::block_tail(f.body) else {
            return false;
        };
        matches!(wrapped_closure(tail).unwrap_or(tail), Expr::Closure(t) if std::ptr::eq(t, c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[allow(clippy::unwrap_used)]
    fn expr(s: &str) -> Expr {
        syn::parse_str(s).unwrap()
    }

    #[test]
    fn closures_that_take_what_happens() {
        assert!(closure_with_inputs(&expr("|req, res| handle(req, res)")));
        assert!(closure_with_inputs(&expr("Some(move |a, b| a + b)")));
        assert!(closure_with_inputs(&expr("Box::new(|e| e)")));
        assert!(!closure_with_inputs(&expr("|| build()")));
        assert!(!closure_with_inputs(&expr("Some(x)")));
        assert!(!closure_with_inputs(&expr("Vec::new(|e| e)")));
    }

    #[test]
    fn closures_typed_as_what_happens() {
        let types = vec!["Request".to_string(), "Event".to_string()];
        assert!(closure_takes_event(
            &expr("|request: Box<CoapRequest<SocketAddr>>| async move { handle(request).await }"),
            &types
        ));
        assert!(closure_takes_event(
            &expr("move |e: &WindowEvent, t| e"),
            &types
        ));
        assert!(closure_takes_event(
            &expr("Box::new(|r: Arc<Request>| r)"),
            &types
        ));
        assert!(!closure_takes_event(&expr("|req| handle(req)"), &types));
        assert!(!closure_takes_event(&expr("|n: usize| n + 1"), &types));
        assert!(!closure_takes_event(&expr("|| build()"), &types));
    }

    #[test]
    fn functions_with_an_input_typed_as_what_happens() {
        let types = vec!["Request".to_string(), "CallbackArguments".to_string()];
        #[allow(clippy::unwrap_used)]
        let sig = |s: &str| -> syn::Signature {
            syn::parse_str::<syn::ItemFn>(s).map(|f| f.sig).unwrap()
        };
        assert!(takes_event(
            &sig("async fn up(req: UpMsgRequest<UpMsg>) {}"),
            &types
        ));
        assert!(takes_event(
            &sig(
                "fn velocity(scope: &mut HandleScope, args: FunctionCallbackArguments, rv: ReturnValue) {}"
            ),
            &types
        ));
        assert!(!takes_event(
            &sig("fn build(url: &str, n: usize) {}"),
            &types
        ));
    }

    #[test]
    fn listener_builders() {
        assert!(listener_chain(&expr("registry.add_listener_local()")));
        assert!(listener_chain(&expr(
            "registry.add_listener_local().global(|g| g)"
        )));
        assert!(listener_chain(&expr("AppSinkCallbacks::builder()")));
        assert!(!listener_chain(&expr("client.builder().timeout(t)")));
        assert!(!listener_chain(&expr("listen(addr)")));
    }
}
