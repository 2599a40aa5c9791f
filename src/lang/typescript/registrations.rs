//! Registrations a call makes: an event registration (`emitter.on("message", cb)`,
//! `setInterval(cb, ms)`, BullMQ's `new Worker(queue, cb)`, Node's `createServer(cb)`) or a
//! route (`app.get("/orders", handler)`), read in the prepass.

use super::inferred::registration_shaped;
use super::prepass::{Pre, Special};
use super::*;

impl<'a, 't> Pre<'a, 't> {
    /// A bare call of a registration function (`setInterval(cb)`), or of one the catalogue
    /// names with its module, imported by name (`import { createServer } from "node:http"`,
    /// listed as `node:http:createServer`).
    pub(super) fn registration_function(&self, name: &str) -> bool {
        let reg = &self.catalog.registration;
        reg.functions.iter().any(|f| f == name)
            || self.imports.get(name).is_some_and(|imp| {
                imp.local.is_none()
                    && reg.functions.iter().any(|f| {
                        f.strip_suffix(imp.path.as_str())
                            .and_then(|m| m.strip_suffix(':'))
                            .is_some_and(|m| m == imp.module)
                    })
            })
    }

    pub(super) fn event_registration(&mut self, call: Node<'t>) {
        let src = self.src;
        let reg = &self.catalog.registration;
        let registers = if call.kind_name() == "new_expression" {
            field(call, "constructor")
                .map(unwrap_value)
                .and_then(|c| callee_name(c, src))
                .is_some_and(|c| reg.classes.iter().any(|x| x == c))
        } else {
            field(call, "function")
                .map(unwrap_value)
                .is_some_and(|c| match c.kind_name() {
                    "member_expression" => {
                        field(c, "property").is_some_and(|p| reg.lists_method(text(p, src)))
                    }
                    "identifier" => self.registration_function(text(c, src)),
                    _ => false,
                })
        };
        self.registration_keys(call);
        let label = span(call);
        for v in self.observer_callbacks(call) {
            self.observers.push((v, label));
        }
        if !registers {
            // (A dependency's constructor given callbacks in its options, too.)
            // (Or a dependency's factory given an options object: `betterAuth({ … })`.)
            if registration_shaped(call, self.src)
                || super::inferred::event_method_callee(
                    call,
                    self.src,
                    &self.catalog.registration.inferred.command_methods,
                )
                .is_some()
                || call.kind_name() == "new_expression"
                || options_call(call)
                || thunk_options_call(call)
            {
                self.maybe_registrations.push((call, self.in_fn));
            }
            return;
        }
        let args = call_args(call);
        // `server.on("listening", ready)`, `process.on("SIGTERM", stop)`: once.
        if let Some(first) = args.first().map(|a| unwrap_value(*a))
            && matches!(first.kind_name(), "string" | "template_string")
            && reg
                .once_events
                .iter()
                .any(|e| text(first, src).trim_matches(['"', '\'', '`']) == e)
        {
            return;
        }
        let label = span(call);
        for a in args {
            // A call: a wrapper around a handler, or a factory of one (`makeHandler(deps)`).
            if matches!(
                unwrap_value(a).kind_name(),
                "identifier" | "member_expression" | "call_expression"
            ) {
                self.pending.push((a, Special::Handler("event", label)));
            }
        }
    }

    /// Router registrations, tRPC procedures, Fastify plugins.
    pub(super) fn registration(&mut self, call: Node<'t>) {
        let src = self.src;
        let Some(callee) = field(call, "function").map(unwrap_value) else {
            return;
        };
        if callee.kind_name() != "member_expression" {
            return;
        }
        let Some(prop) = field(callee, "property").map(|p| text(p, src)) else {
            return;
        };
        if !(ROUTE_METHODS.contains(&prop)
            || TRPC_METHODS.contains(&prop)
            || matches!(prop, "route" | "register" | "listen" | "openapi"))
        {
            return;
        }
        let args = call_args(call);
        let Some(first) = args.first().copied() else {
            return;
        };
        let router = self.info.router;
        let label = span(callee);
        if TRPC_METHODS.contains(&prop) {
            let f = unwrap_value(first);
            if matches!(
                f.kind_name(),
                "arrow_function" | "function_expression" | "identifier" | "member_expression"
            ) {
                let prop_span = field(callee, "property").map(span).unwrap_or(label);
                self.pending
                    .push((first, Special::Handler("trpc", prop_span)));
            }
            return;
        }
        match prop {
            "route" if unwrap_value(first).kind_name() == "object" => {
                self.pending.push((first, Special::Handler(router, label)));
            }
            "use" => {
                for a in args
                    .iter()
                    .filter(|a| !matches!(a.kind_name(), "string" | "template_string"))
                {
                    self.pending.push((*a, Special::Handler(router, label)));
                }
            }
            "register" => self.pending.push((first, Special::Startup)),
            // `@hono/zod-openapi`: `app.openapi(createRoute({ … }), async (c) => …)`; the route
            // is an object, not a path.
            "openapi" if args.len() >= 2 => {
                for a in &args[1..] {
                    self.pending.push((*a, Special::Handler(router, label)));
                }
            }
            // A server's `listen(port, cb)` calls back once; a device's `listen(event, cb)`
            // (`device.listen(ScryptedInterface.MotionSensor, cb)`, `listen("motion", cb)`)
            // per event, which is the inferred registrations' to read.
            "listen" if !self.event_named(first) => {
                if let Some(last) = args
                    .last()
                    .filter(|a| matches!(a.kind_name(), "arrow_function" | "function_expression"))
                {
                    self.pending.push((*last, Special::Startup));
                }
            }
            p if ROUTE_METHODS.contains(&p) => {
                let path_first = self.is_path(first);
                if path_first {
                    for a in &args[1..] {
                        self.pending.push((*a, Special::Handler(router, label)));
                    }
                } else if field(callee, "object").is_some_and(|o| self.is_route_chain(o)) {
                    for a in &args {
                        self.pending.push((*a, Special::Handler(router, label)));
                    }
                }
            }
            _ => {}
        }
    }

    /// The first argument of `listen(…)` names an event, not a port, a host or a socket path:
    /// a short name (`"motion"`) or an enum member (`ScryptedInterface.MotionSensor`) that says
    /// nothing of a port.
    fn event_named(&self, first: Node<'t>) -> bool {
        let src = self.src;
        let a = unwrap_value(first);
        match a.kind_name() {
            "string" => string_value(a, src).is_some_and(|v| {
                crate::lang::inferred::key_of(v) == Some(crate::lang::inferred::Key::Name)
                    && v != "localhost"
                    && !v.contains(['.', ':'])
                    && !v.chars().all(|c| c.is_ascii_digit())
            }),
            "member_expression" => {
                super::inferred::constant_key(a, src)
                    && !text(a, src).to_ascii_lowercase().contains("port")
            }
            _ => false,
        }
    }
}
