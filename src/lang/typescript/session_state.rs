//! Session state opened by raw SQL on a pooled client: `const client = await pool.connect();
//! await client.query("BEGIN"); … await client.query("COMMIT")` with the release in `finally`
//! and no `ROLLBACK` in a `catch`. Any `await` between the two may throw, and the client goes
//! back to the pool inside the (now aborted) transaction, for the next borrower. The pairs are
//! the catalogue's `[[session_state]]` (`databases.toml`); what is recorded is a [`SessionSite`]
//! with its [`SqlState`] at the opening call.

use super::*;
use crate::catalog::SessionStateDef;
use crate::facts::SqlState;

/// A raw SQL call on the checkout: where, the statement it runs, and the statement node.
struct SqlCall<'t> {
    node: Node<'t>,
    stmt_start: usize,
    stmt_end: usize,
    sql: String,
}

/// The SQL a call on `binding` runs: `client.query("BEGIN")`, `conn.execute('COMMIT')`,
/// `reserved\`BEGIN\`` (a postgres.js reserved connection used as a tag).
fn sql_of(call: Node, binding: &str, src: &str) -> Option<String> {
    let f = unwrap_value(field(call, "function")?);
    let arg = match f.kind_name() {
        "member_expression" => {
            let obj = field(f, "object").map(unwrap_value)?;
            if text(obj, src) != binding {
                return None;
            }
            let args = field(call, "arguments")?;
            if args.kind_name() == "template_string" {
                args
            } else {
                first_named(args)?
            }
        }
        "identifier" if text(f, src) == binding => {
            let a = field(call, "arguments")?;
            (a.kind_name() == "template_string").then_some(a)?
        }
        _ => return None,
    };
    match arg.kind_name() {
        "string" => string_value(arg, src).map(str::to_string),
        "template_string" => {
            let t = text(arg, src);
            t.get(1..t.len().saturating_sub(1)).map(str::to_string)
        }
        _ => None,
    }
}

impl<'a, 't> Walker<'a, 't> {
    /// Raw SQL on the checkout `binding` (acquired at byte `after`) in `host` that opens
    /// session state some path does not end (see the module's documentation).
    pub(super) fn sql_state(
        &mut self,
        host: Node<'t>,
        binding: &str,
        after: usize,
        def: &ClientDef,
    ) {
        let src = self.src;
        let defs: &[SessionStateDef] = &self.catalog.session_states;
        let body = text(host, src).to_ascii_uppercase();
        if !defs.iter().any(|d| {
            d.open
                .iter()
                .chain(d.open_contains.iter())
                .any(|w| body.contains(&w.to_ascii_uppercase()))
        }) {
            return;
        }
        let mut calls: Vec<SqlCall> = Vec::new();
        let mut exits: Vec<usize> = Vec::new();
        traverse_flat(self.pre.flat, host, |a, entering| {
            let n = a.node;
            if !entering || n.start_byte() < after {
                return;
            }
            // Only this function's own paths.
            let own = a
                .anc
                .iter()
                .rev()
                .find(|x| is_fn_kind(x.kind_name()))
                .is_none_or(|x| x.id() == host.id());
            if !own {
                return;
            }
            match n.kind_name() {
                "await_expression" | "throw_statement" | "return_statement" => {
                    exits.push(n.start_byte());
                }
                "call_expression" => {
                    if let Some(sql) = sql_of(n, binding, src) {
                        let stmt = statement_at(a).map(|s| s.node);
                        calls.push(SqlCall {
                            node: n,
                            stmt_start: stmt.map_or(n.start_byte(), |s| s.start_byte()),
                            stmt_end: stmt.map_or(n.end_byte(), |s| s.end_byte()),
                            sql,
                        });
                    }
                }
                _ => {}
            }
        });
        // A close in the `catch` of a `try` around the opening call ends it on the error path.
        let caught = |open: Node<'t>, di: usize| {
            let mut cur = open;
            while let Some(p) = cur.parent() {
                crate::lang::budget::tick();
                if p.id() == host.id() {
                    break;
                }
                if p.kind_name() == "try_statement"
                    && field(p, "body").is_some_and(|b| b.id() == cur.id())
                    && let Some(handler) = field(p, "handler")
                    && calls.iter().any(|c| {
                        c.node.start_byte() >= handler.start_byte()
                            && c.node.end_byte() <= handler.end_byte()
                            && statements_of(&c.sql).any(|s| defs[di].closes(s))
                    })
                {
                    return true;
                }
                cur = p;
            }
            false
        };
        let mut found: Vec<(Node<'t>, usize, Closing, String)> = Vec::new();
        for (i, c) in calls.iter().enumerate() {
            for s in statements_of(&c.sql) {
                let Some(di) = defs.iter().position(|d| d.opens(s)) else {
                    continue;
                };
                if caught(c.node, di) {
                    continue;
                }
                let end = calls[i + 1..]
                    .iter()
                    .find(|x| statements_of(&x.sql).any(|t| defs[di].closes(t)));
                let closing = match end {
                    None => {
                        // Ended some way connlint does not read (a helper, a variable's SQL).
                        let closes_named = defs[di]
                            .close
                            .iter()
                            .chain(defs[di].close_contains.iter())
                            .any(|w| crate::catalog::has_word(&body, w.trim_end_matches('(')));
                        if closes_named {
                            continue;
                        }
                        Closing::Never
                    }
                    Some(e) => {
                        if exits.iter().any(|x| *x >= c.stmt_end && *x < e.stmt_start) {
                            Closing::NotOnErrorPaths
                        } else {
                            continue;
                        }
                    }
                };
                found.push((c.node, di, closing, short_sql(s)));
            }
        }
        let (scope, in_fn) = {
            let ctx = self.ctx();
            (ctx.scope.clone(), ctx.fn_idx)
        };
        for (node, di, closing, statement) in found {
            let d = &defs[di];
            self.facts.sessions.push(SessionSite {
                client: def.id.clone(),
                kind: ClientKind::Checkout,
                ctor: statement.clone(),
                span: span(node),
                binding: Some(binding.to_string()),
                closing,
                release: d.close.first().cloned(),
                scope: scope.clone(),
                in_fn,
                in_generator: false,
                returned: false,
                anchors: SessionAnchors::default(),
                sql_state: Some(SqlState {
                    what: d.what.clone(),
                    statement,
                    ends: d
                        .close
                        .iter()
                        .chain(d.close_contains.iter())
                        .map(|c| format!("`{c}`"))
                        .collect::<Vec<_>>()
                        .join(" / "),
                    loop_exit: false,
                }),
                receiver_import: None,
                early_return: None,
                early_before_try: false,
            });
        }
    }
}

/// The statements of a SQL text, trimmed.
fn statements_of(sql: &str) -> impl Iterator<Item = &str> {
    sql.split(';').map(str::trim).filter(|s| !s.is_empty())
}

/// One statement on one line, at most 60 characters, for messages.
fn short_sql(stmt: &str) -> String {
    let one: String = stmt.split_whitespace().collect::<Vec<_>>().join(" ");
    match one.char_indices().nth(60) {
        Some((i, _)) => format!("{} …", &one[..i]),
        None => one,
    }
}
