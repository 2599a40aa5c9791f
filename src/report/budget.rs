//! `connlint budget` views: a human table, versioned JSON, and Markdown (a table and a Mermaid
//! chart of used vs limit per database) for CI job summaries.

use std::fmt::Write as _;

use crate::budget::{Budget, Database, Pool};
use crate::deploy::{Count, Process};

/// Output formats of `connlint budget`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BudgetFormat {
    /// Tables for a terminal.
    Human,
    /// A versioned JSON document.
    Json,
    /// A Markdown table per database and a Mermaid chart (GitHub job summaries, PR comments).
    Markdown,
}

pub fn render(b: &Budget, format: BudgetFormat) -> String {
    match format {
        BudgetFormat::Human => human(b),
        BudgetFormat::Json => json(b),
        BudgetFormat::Markdown => markdown(b),
    }
}

fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn count_text(c: &Count, one: &str, many: &str) -> String {
    let mut s = plural(c.value, one, many);
    let mut why = Vec::new();
    if let Some(at) = &c.at {
        why.push(at.to_string());
    }
    if !c.note.is_empty() {
        why.push(c.note.clone());
    }
    if !why.is_empty() {
        let _ = write!(s, " ({})", why.join("; "));
    }
    s
}

fn process_line(p: &Process) -> String {
    format!(
        "{} × {} = {}",
        count_text(&p.workers, "process", "processes"),
        count_text(&p.replicas, "replica", "replicas"),
        p.total()
    )
}

fn holders_text(p: &Pool) -> String {
    if p.holders.is_empty() {
        return "no process".into();
    }
    let parts: Vec<String> = p
        .holders
        .iter()
        .map(|h| {
            if h.why.is_empty() {
                format!("{} {}", h.name, h.count)
            } else if h.assumed {
                format!("{} {}, assumed: {}", h.name, h.count, h.why)
            } else {
                format!("{} {}: {}", h.name, h.count, h.why)
            }
        })
        .collect();
    parts.join(" + ")
}

/// `; min_size 10 (default)` after a pool's maximum, when it has minimum settings.
fn min_text(p: &Pool) -> String {
    if p.min.is_empty() {
        String::new()
    } else {
        format!("; {}", p.min.join(", "))
    }
}

fn verdict(d: &Database) -> String {
    let bound = if d.unbounded { "at least " } else { "" };
    match (&d.limit, d.headroom()) {
        (Some(l), Some(h)) if h < 0 => format!(
            "{bound}{} connections, limit {} ({}): {} over",
            d.total,
            l.value,
            l.why,
            h.unsigned_abs()
        ),
        (Some(l), Some(h)) => format!(
            "{bound}{} connections, limit {} ({}): {h} to spare",
            d.total, l.value, l.why
        ),
        _ => format!(
            "{bound}{} connections, limit unknown (set [budget.limits] {} = N)",
            d.total, d.name
        ),
    }
}

/// The live server beside the static budget: its limit, what is reserved, what is open now
/// (by application and user), and each database's pools against what it allows.
fn server_text(b: &Budget, s: &crate::livedb::Server) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Live server {} (PostgreSQL {})\n  max_connections {}, {} reserved for superusers: {} for applications; {} open now",
        s.url,
        s.version,
        s.max_connections,
        s.reserved,
        s.available(),
        plural(s.open, "connection", "connections")
    );
    for o in &s.by_application {
        let _ = writeln!(out, "    {} ({}): {}", o.application, o.user, o.connections);
    }
    for d in &b.databases {
        let configured = d
            .limit
            .as_ref()
            .map(|l| format!("; the budget's limit is {} ({})", l.value, l.why))
            .unwrap_or_default();
        let verdict = if d.total > s.available() {
            format!("{} more than the server allows", d.total - s.available())
        } else {
            format!("{} to spare on the server", s.available() - d.total)
        };
        let _ = writeln!(
            out,
            "  {}: the pools may open {} of the server's {}: {verdict}{configured}",
            d.name,
            d.total,
            s.available()
        );
    }
    out
}

fn human(b: &Budget) -> String {
    let mut out = String::new();
    if b.databases.is_empty() {
        out.push_str("connlint budget: no long-lived pool or client found\n");
    }
    if !b.processes.is_empty() {
        let _ = writeln!(out, "Processes");
        let w = b.processes.iter().map(|p| p.name.len()).max().unwrap_or(0);
        let sw = b
            .processes
            .iter()
            .map(|p| p.server.len())
            .max()
            .unwrap_or(0);
        for p in &b.processes {
            let _ = writeln!(
                out,
                "  {:w$}  {:sw$}  {}  [{} {}]",
                p.name,
                p.server,
                process_line(p),
                p.kind.name(),
                p.declared
            );
        }
        out.push('\n');
    }
    if let Some(s) = &b.server {
        out.push_str(&server_text(b, s));
        out.push('\n');
    }
    for d in &b.databases {
        let mark = if d.over() { "✗" } else { "✓" };
        let _ = writeln!(out, "{mark} {} ({}): {}", d.name, d.family, verdict(d));
        for p in &d.pools {
            let _ = writeln!(
                out,
                "    {}:{}  {} `{}`  {}{}",
                p.path,
                p.line,
                p.library,
                p.ctor,
                p.max_text,
                min_text(p)
            );
            if p.holders.is_empty() {
                let _ = writeln!(
                    out,
                    "        × 0 processes: no process's entry point imports this module = 0 (a process that loads it another way, such as Celery's `include=`, names it in [budget.entries])"
                );
                continue;
            }
            let _ = writeln!(
                out,
                "        × {} ({}) = {}",
                plural(p.processes, "process", "processes"),
                holders_text(p),
                p.connections
            );
            // How each process reaches the pool, or why it is assumed to.
            for h in p.holders.iter().filter(|h| h.process.is_some()) {
                if !h.chain.is_empty() {
                    let _ = writeln!(out, "          {}: {}", h.name, h.chain.join(" ← "));
                }
            }
        }
        if let (false, Some(l)) = (d.advice.is_empty(), &d.limit) {
            let fits: u64 = d.advice.iter().map(|a| a.connections).sum::<u64>()
                + d.pools
                    .iter()
                    .filter(|p| p.max.is_none() || p.processes == 0)
                    .map(|p| p.connections)
                    .sum::<u64>();
            let _ = writeln!(
                out,
                "  To fit {}, at most per process ({fits} of {}):",
                l.value, l.value
            );
            for a in &d.advice {
                let _ = writeln!(
                    out,
                    "    {}:{}  {} → {} × {} = {}",
                    a.path,
                    a.line,
                    a.now,
                    a.max,
                    plural(a.processes, "process", "processes"),
                    a.connections
                );
            }
        } else if d.over() && !d.unbounded {
            let _ = writeln!(
                out,
                "  Even one connection per process is over the limit: fewer processes, or a transaction-mode pooler (PgBouncer) in front of the database"
            );
        }
        out.push('\n');
    }
    if !b.ignored.is_empty() {
        let _ = writeln!(out, "Read and not counted");
        for i in &b.ignored {
            let _ = writeln!(out, "  {}  {}", i.at, i.why);
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "CPU-derived defaults assume {} CPUs ([budget] cpus).",
        b.cpus
    );
    out
}

fn json(b: &Budget) -> String {
    #[derive(serde::Serialize)]
    struct Db<'a> {
        #[serde(flatten)]
        db: &'a Database,
        headroom: Option<i64>,
        over: bool,
    }
    #[derive(serde::Serialize)]
    struct Doc<'a> {
        version: u32,
        tool: serde_json::Value,
        cpus: u64,
        processes: &'a [Process],
        databases: Vec<Db<'a>>,
        ignored: &'a [crate::deploy::Ignored],
        #[serde(skip_serializing_if = "Option::is_none")]
        server: Option<ServerDoc<'a>>,
    }
    #[derive(serde::Serialize)]
    struct ServerDoc<'a> {
        #[serde(flatten)]
        server: &'a crate::livedb::Server,
        available: u64,
    }
    let doc = Doc {
        version: 1,
        tool: serde_json::json!({"name": "connlint", "version": env!("CARGO_PKG_VERSION")}),
        cpus: b.cpus,
        processes: &b.processes,
        databases: b
            .databases
            .iter()
            .map(|db| Db {
                db,
                headroom: db.headroom(),
                over: db.over(),
            })
            .collect(),
        ignored: &b.ignored,
        server: b.server.as_ref().map(|server| ServerDoc {
            server,
            available: server.available(),
        }),
    };
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}

/// `|` and newlines would break a table cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn markdown(b: &Budget) -> String {
    let mut out = String::from("## Connection budget\n\n");
    if b.databases.is_empty() {
        out.push_str("No long-lived pool or client found.\n");
        return out;
    }
    if let Some(s) = &b.server {
        let _ = writeln!(
            out,
            "Live server `{}` (PostgreSQL {}): max_connections {}, {} reserved, **{} for applications**, {} open now.\n",
            cell(&s.url),
            cell(&s.version),
            s.max_connections,
            s.reserved,
            s.available(),
            s.open
        );
    }
    out.push_str("| database | connections | limit | headroom |\n|---|---:|---:|---|\n");
    for d in &b.databases {
        let (limit, head) = match (&d.limit, d.headroom()) {
            (Some(l), Some(h)) => (
                format!("{} ({})", l.value, cell(&l.why)),
                if h < 0 {
                    format!("❌ {} over", h.unsigned_abs())
                } else {
                    format!("✅ {h} to spare")
                },
            ),
            _ => ("unknown".to_string(), "—".to_string()),
        };
        let _ = writeln!(
            out,
            "| `{}` ({}) | {}{} | {limit} | {head} |",
            cell(&d.name),
            d.family,
            if d.unbounded { "≥ " } else { "" },
            d.total
        );
    }
    // Used vs limit: a pair of bars per database (what its pools may open, then its limit).
    let mut labels: Vec<String> = Vec::new();
    let mut values: Vec<String> = Vec::new();
    for d in &b.databases {
        let name = d.name.replace('"', "'");
        labels.push(format!("\"{name}: pools\""));
        values.push(d.total.to_string());
        if let Some(l) = &d.limit {
            labels.push(format!("\"{name}: limit\""));
            values.push(l.value.to_string());
        }
    }
    let top = b
        .databases
        .iter()
        .map(|d| d.total.max(d.limit.as_ref().map_or(0, |l| l.value)))
        .max()
        .unwrap_or(1)
        .max(1);
    let _ = write!(
        out,
        "\n```mermaid\n---\nconfig:\n  xyChart:\n    showDataLabel: true\n---\nxychart-beta\n    title \"Connections the pools may open vs the limit\"\n    x-axis [{}]\n    y-axis \"connections\" 0 --> {}\n    bar [{}]\n```\n",
        labels.join(", "),
        top + top / 10 + 1,
        values.join(", ")
    );
    for d in &b.databases {
        let _ = writeln!(
            out,
            "\n### `{}` ({}): {}\n",
            cell(&d.name),
            d.family,
            cell(&verdict(d))
        );
        out.push_str("| pool | library | max per process | processes | connections |\n|---|---|---|---|---:|\n");
        for p in &d.pools {
            let _ = writeln!(
                out,
                "| `{}:{}` `{}` | {} | {}{} | {} = {} | {} |",
                cell(&p.path),
                p.line,
                cell(&p.ctor),
                cell(&p.library),
                cell(&p.max_text),
                cell(&min_text(p)),
                cell(&holders_text(p)),
                p.processes,
                p.connections
            );
        }
        // How each process reaches each pool.
        let chains: Vec<String> = d
            .pools
            .iter()
            .flat_map(|p| p.holders.iter())
            .filter(|h| !h.chain.is_empty())
            .map(|h| format!("- {}: {}", cell(&h.name), cell(&h.chain.join(" ← "))))
            .collect();
        if !chains.is_empty() {
            let _ = writeln!(out, "\n{}", chains.join("\n"));
        }
        if let (false, Some(l)) = (d.advice.is_empty(), &d.limit) {
            let _ = writeln!(
                out,
                "\nTo fit {}, at most per process:\n\n| pool | per process, now → at most | connections |\n|---|---|---:|",
                l.value
            );
            for a in &d.advice {
                let _ = writeln!(
                    out,
                    "| `{}:{}` | {} → **{}** × {} | {} |",
                    cell(&a.path),
                    a.line,
                    a.now,
                    a.max,
                    a.processes,
                    a.connections
                );
            }
        }
    }
    if !b.processes.is_empty() {
        out.push_str(
            "\n### Processes\n\n| process | server | count | declared |\n|---|---|---|---|\n",
        );
        for p in &b.processes {
            let _ = writeln!(
                out,
                "| {} | {} | {} | `{}` ({}) |",
                cell(&p.name),
                cell(&p.server),
                cell(&process_line(p)),
                p.declared,
                p.kind.name()
            );
        }
    }
    if !b.ignored.is_empty() {
        out.push_str("\n<details><summary>Read and not counted</summary>\n\n");
        for i in &b.ignored {
            let _ = writeln!(out, "- `{}`: {}", i.at, cell(&i.why));
        }
        out.push_str("\n</details>\n");
    }
    let _ = writeln!(
        out,
        "\nCPU-derived defaults assume {} CPUs (`[budget] cpus`).",
        b.cpus
    );
    out
}
