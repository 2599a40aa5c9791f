//! The command line: `connlint [check] [PATHS]`, `connlint rules`, `connlint explain RULE`.
//! Parses flags (clap), builds [`Settings`], runs the library, picks a reporter, returns the exit
//! code. No lint logic lives here.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::baseline;
use crate::config;
use crate::diagnostic::Severity;
use crate::engine::{self, Report, Settings};
use crate::report::{self, Format};
use crate::rules;

#[derive(Debug, Parser)]
#[command(
    name = "connlint",
    // The version and the commit it was built from (build.rs).
    version = env!("CONNLINT_LONG_VERSION"),
    about = "Finds connection misuse (clients per request, missing cleanups, unclosed sessions, oversized pools) in TypeScript, Python and Rust",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub check: CheckArgs,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check files and directories (the default command)
    Check(CheckArgs),
    /// List the rules
    Rules {
        #[arg(long, value_enum, default_value_t = RulesFormat::Human)]
        format: RulesFormat,
    },
    /// Print the documentation of a rule (by id or code), or with --why PATH:LINE why
    /// connlint reports what it reports there (how often that line runs, and through what)
    Explain {
        #[arg(required_unless_present = "why")]
        rule: Option<String>,
        /// A finding's place, `PATH:LINE`: print its findings with the chain that makes the
        /// line run per request, per event, per render or per iteration
        #[arg(long, value_name = "PATH:LINE", conflicts_with = "rule")]
        why: Option<String>,
    },
    /// List the client libraries connlint knows (the built-in catalogue): how each is built,
    /// which rules judge it and what the fixes do
    Libraries {
        #[arg(long, value_enum, default_value_t = RulesFormat::Human)]
        format: RulesFormat,
    },
    /// Benchmarks only: read and parse files with the language parsers, nothing else
    #[command(hide = true)]
    Parse {
        /// Files or directories [default: .]
        paths: Vec<PathBuf>,
        /// Parse the files listed in this file (one path per line) instead
        #[arg(long)]
        files_from: Option<PathBuf>,
        /// Also walk each tree once into the node array every extraction starts with
        #[arg(long)]
        walk: bool,
    },
    /// The connection budget: every long-lived pool, times the processes that hold it
    /// (workers, concurrency, replicas, serverless instances), per database against its limit
    Budget(BudgetArgs),
    /// Run the language server (LSP over stdin/stdout) for editors
    Lsp {
        /// Accepted and ignored: stdio is the only transport (some clients, such as
        /// vscode-languageclient with `TransportKind.stdio`, always pass it)
        #[arg(long)]
        stdio: bool,
    },
}

#[derive(Debug, Clone, Args)]
pub struct BudgetArgs {
    /// Files or directories [default: .]
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = report::budget::BudgetFormat::Human)]
    pub format: report::budget::BudgetFormat,
    /// Exit 0 even when a database is over its limit
    #[arg(long)]
    pub exit_zero: bool,
    /// What if process NAME ran N replicas (repeatable; NAME as the report lists processes)
    #[arg(long, value_name = "NAME=N", value_parser = parse_named_count)]
    pub replicas: Vec<(String, u64)>,
    /// What if the database's limit were N: for every database, or for the one named
    /// (`DATABASE_URL=100`, as the report names databases)
    #[arg(long, value_name = "[NAME=]N", value_parser = parse_limit)]
    pub max_connections: Vec<(Option<String>, u64)>,
    /// Also read a live PostgreSQL server (its max_connections, reserved connections and the
    /// connections open now, read-only) and show it beside the static budget; `[budget]
    /// database_url_env` names a variable to read the URL from instead
    #[arg(long, value_name = "URL")]
    pub database_url: Option<String>,
    /// Also write the budget as an SVG chart to FILE (each database's pools against its limit)
    #[arg(long, value_name = "FILE")]
    pub chart: Option<PathBuf>,
    /// Seconds to wait for the live server (connect and each query)
    #[arg(long, value_name = "SECONDS", default_value_t = 5)]
    pub database_timeout: u64,
    /// Use this configuration file instead of the nearest one
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Ignore configuration files
    #[arg(long, conflicts_with = "config")]
    pub isolated: bool,
    /// Also read files that .gitignore excludes
    #[arg(long)]
    pub no_ignore: bool,
    /// Worker threads (default: one per core)
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    Human,
    Json,
    /// The Markdown table of the README
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Color {
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Args, Default)]
pub struct CheckArgs {
    /// Files or directories to check [default: .]
    pub paths: Vec<PathBuf>,
    /// Benchmarks: write the paths of the files parsed (after the prefilter) to this file
    #[arg(long, hide = true)]
    pub list_parsed: Option<PathBuf>,
    /// Output format
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Only run these rules (ids or codes, comma-separated)
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// Do not run these rules (ids or codes, comma-separated)
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Exit 0 even when errors are found
    #[arg(long)]
    pub exit_zero: bool,
    /// Exit 1 on warnings too, and when a file could not be read or parsed (or was skipped)
    #[arg(long)]
    pub strict: bool,
    /// Print diagnostics only, as one line each, without snippets or summary
    #[arg(long, short)]
    pub quiet: bool,
    /// Print a count of diagnostics per rule
    #[arg(long)]
    pub statistics: bool,
    /// Worker threads (default: one per core)
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
    /// Read the source from standard input, as if it were the file at PATH
    #[arg(long, value_name = "PATH")]
    pub stdin_filename: Option<PathBuf>,
    /// Also check files that .gitignore excludes
    #[arg(long)]
    pub no_ignore: bool,
    /// Colors in human output
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Use this configuration file instead of the nearest connlint.toml / .connlint.toml /
    /// pyproject.toml [tool.connlint]
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Ignore configuration files
    #[arg(long, conflicts_with = "config")]
    pub isolated: bool,
    /// Apply safe fixes
    #[arg(long)]
    pub fix: bool,
    /// Also apply unsafe fixes (implies --fix unless --diff is given)
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Print a unified diff of what --fix would change, and write nothing (exit 1 when there is a diff)
    #[arg(long)]
    pub diff: bool,
    /// Print what the run did (files read, parsed, answered from the cache, time) on stderr
    #[arg(long, short = 'v')]
    pub verbose: bool,
    /// Do not read or write the cache of per-file facts (`.connlint_cache/`)
    #[arg(long)]
    pub no_cache: bool,
    /// Where the cache lives [default: .connlint_cache at the root of the git repository
    /// holding the working directory, else in the working directory]
    #[arg(long, value_name = "DIR", env = "CONNLINT_CACHE_DIR")]
    pub cache_dir: Option<PathBuf>,
    /// Report only findings that are not recorded in this baseline file (see --write-baseline)
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record today's findings in FILE, a baseline for --baseline, and exit 0
    #[arg(long, value_name = "FILE", conflicts_with_all = ["baseline", "fix", "unsafe_fixes", "diff"])]
    pub write_baseline: Option<PathBuf>,
    /// Also check generated and minified files (a `@generated` or "DO NOT EDIT" header,
    /// `.min.js`, minified lines), which are skipped with a note by default
    #[arg(long)]
    pub no_skip_generated: bool,
    /// Parse every file, even those that mention no client library (for benchmarks)
    #[arg(long, hide_short_help = true)]
    pub no_prefilter: bool,
}

/// A usage or configuration error: printed with miette, exit code 2.
fn fail(message: impl std::fmt::Display) -> ExitCode {
    let report = miette::miette!("{message}");
    eprintln!("{report:?}");
    ExitCode::from(2)
}

fn resolve_rules(names: &[String], flag: &str) -> Result<Vec<&'static str>, String> {
    names
        .iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
        .map(|n| {
            rules::lookup(n).map(|r| r.meta().id).ok_or_else(|| {
                let known: Vec<&str> = rules::ALL.iter().map(|r| r.meta().id).collect();
                format!(
                    "unknown rule `{n}` in {flag} (known rules: {})",
                    known.join(", ")
                )
            })
        })
        .collect()
}

/// Entry point of the binary.
pub fn main() -> ExitCode {
    engine::init_worker_stacks();
    // The run itself also gets a deep stack (work rayon runs on the calling thread, the fix
    // loop's parses), on a thread of its own.
    match std::thread::Builder::new()
        .name("connlint".into())
        .stack_size(engine::WORKER_STACK)
        .spawn(run)
    {
        Ok(handle) => handle.join().unwrap_or_else(|_| {
            eprintln!("connlint: internal error (a panic); please report it");
            ExitCode::from(2)
        }),
        Err(_) => run(),
    }
}

fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    // A build whose embedded catalogue does not parse would check nothing and pass: refuse.
    if let Some(e) = crate::catalog::Catalog::shared_error() {
        return fail(format!(
            "internal error: the built-in catalogue does not parse ({e}); please report it"
        ));
    }
    if cli.command.is_none()
        && let Some(first) = cli.check.paths.first()
        && let Some(command) = mistyped_command(first)
    {
        return fail(format!(
            "unknown command `{}`; did you mean `{command}`?",
            first.display()
        ));
    }
    match cli.command {
        Some(Command::Rules { format }) => print_rules(format),
        Some(Command::Libraries { format }) => {
            let cat = crate::catalog::Catalog::shared();
            print!(
                "{}",
                match format {
                    RulesFormat::Human => report::libraries::human(cat),
                    RulesFormat::Json => report::libraries::json(cat),
                    RulesFormat::Markdown => report::libraries::markdown(cat),
                }
            );
            ExitCode::SUCCESS
        }
        Some(Command::Explain { rule, why }) => match (rule, why) {
            (_, Some(at)) => explain_why(&at),
            (Some(rule), None) => explain(&rule),
            (None, None) => fail("name a rule, or --why PATH:LINE"),
        },
        Some(Command::Lsp { .. }) => match crate::lsp::run_stdio() {
            Ok(true) => ExitCode::SUCCESS,
            // `exit` without `shutdown` (LSP 3.17: exit code 1).
            Ok(false) => ExitCode::from(1),
            Err(e) => fail(format!("language server: {e}")),
        },
        Some(Command::Parse {
            paths,
            files_from,
            walk,
        }) => parse_floor(paths, files_from, walk),
        Some(Command::Check(args)) => check(args),
        Some(Command::Budget(args)) => budget(args),
        None => check(cli.check),
    }
}

/// Write a new file (or replace one) through a temporary file in the same directory and a
/// rename: a failed write leaves no half-written file.
fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.flush()?;
    // A report file anyone may read, as a plain write would make it (the temporary file is
    // private); an existing file keeps its own permissions.
    let permissions = match std::fs::metadata(path) {
        Ok(m) => m.permissions(),
        #[cfg(unix)]
        Err(_) => std::os::unix::fs::PermissionsExt::from_mode(0o644),
        #[cfg(not(unix))]
        Err(_) => tmp.as_file().metadata()?.permissions(),
    };
    tmp.as_file().set_permissions(permissions)?;
    tmp.persist(path).map(|_| ()).map_err(|e| e.error)
}

/// `web=20` for `--replicas`.
fn parse_named_count(s: &str) -> Result<(String, u64), String> {
    let (name, n) = s
        .split_once('=')
        .ok_or_else(|| format!("`{s}`: expected NAME=N (`web=20`)"))?;
    let n: u64 = n
        .trim()
        .parse()
        .map_err(|_| format!("`{s}`: `{n}` is not a whole number"))?;
    if name.trim().is_empty() {
        return Err(format!("`{s}`: the process name is empty"));
    }
    Ok((name.trim().to_string(), n))
}

/// `100` or `DATABASE_URL=100` for `--max-connections`.
fn parse_limit(s: &str) -> Result<(Option<String>, u64), String> {
    match s.rsplit_once('=') {
        Some(_) => parse_named_count(s).map(|(n, v)| (Some(n), v)),
        None => s
            .trim()
            .parse()
            .map(|n| (None, n))
            .map_err(|_| format!("`{s}`: expected N or NAME=N (`100`, `DATABASE_URL=100`)")),
    }
}

/// `connlint budget`: exit 1 when a database's pools can open more connections than its limit.
fn budget(args: BudgetArgs) -> ExitCode {
    if args.threads == Some(0) {
        return fail("-j/--threads must be at least 1");
    }
    let mut settings = match settings_for_config(args.isolated, args.config.as_deref()) {
        Ok(s) => s,
        Err(code) => return code,
    };
    settings.threads = args.threads;
    settings.walk.no_ignore = args.no_ignore;
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let mut b = match engine::budget_paths(&paths, &settings) {
        Ok(b) => b,
        Err(e) => return run_error(e),
    };
    if (!args.replicas.is_empty() || !args.max_connections.is_empty())
        && let Err(e) = crate::budget::what_if(&mut b, &args.replicas, &args.max_connections)
    {
        return fail(&e);
    }
    let url = match (&args.database_url, &b.database_url_env) {
        (Some(u), _) => Some(u.clone()),
        (None, Some(var)) => match std::env::var(var) {
            Ok(u) if !u.trim().is_empty() => Some(u),
            _ => {
                eprintln!(
                    "connlint budget: `{var}` ([budget] database_url_env) is not set: the live server is not read"
                );
                None
            }
        },
        (None, None) => None,
    };
    if let Some(url) = url {
        let timeout = std::time::Duration::from_secs(args.database_timeout.max(1));
        match crate::livedb::read(&url, timeout) {
            Ok(s) => b.server = Some(s),
            Err(e) => return fail(format!("cannot read the live server: {e}")),
        }
    }
    if let Some(path) = &args.chart {
        let svg = match report::chart::svg(&b) {
            Ok(s) => s,
            Err(e) => return fail(e),
        };
        if let Err(e) = write_atomically(path, svg.as_bytes()) {
            return fail(format!("cannot write the chart to {}: {e}", path.display()));
        }
    }
    let text = report::budget::render(&b, args.format);
    let mut out = std::io::stdout().lock();
    if out
        .write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .is_err()
    {
        return ExitCode::from(2);
    }
    if !args.exit_zero && b.databases.iter().any(crate::budget::Database::over) {
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

/// Settings from `--isolated` / `--config FILE` / the nearest configuration of each file; a
/// configuration that cannot be loaded is printed (miette) and is exit code 2.
fn settings_for_config(
    isolated: bool,
    config: Option<&std::path::Path>,
) -> Result<Settings, ExitCode> {
    if isolated {
        return Ok(Settings::default());
    }
    if let Some(path) = config {
        return match config::load(path, &rules::NAMES) {
            Ok(c) => Ok(Settings::from_config(c)),
            Err(e) => {
                eprintln!("{:?}", miette::Report::new(*e));
                Err(ExitCode::from(2))
            }
        };
    }
    Ok(Settings {
        nearest_config: true,
        ..Settings::default()
    })
}

/// The subcommand that `arg`, a path that does not exist, was probably meant to be
/// (`connlint chek`): a word without a path separator or extension, close to a command's name.
fn mistyped_command(arg: &std::path::Path) -> Option<String> {
    let word = arg.to_str()?;
    if arg.exists() || word.contains(['/', '\\', '.']) || word.len() < 3 {
        return None;
    }
    let cli = <Cli as clap::CommandFactory>::command();
    cli.get_subcommands()
        .map(|c| c.get_name().to_string())
        .map(|name| (strsim::jaro_winkler(&word.to_lowercase(), &name), name))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, name)| name)
}

fn print_rules(format: RulesFormat) -> ExitCode {
    let mut out = String::new();
    match format {
        RulesFormat::Json => {
            let rules: Vec<serde_json::Value> = rules::ALL
                .iter()
                .map(|r| {
                    let m = r.meta();
                    serde_json::json!({
                        "id": m.id, "code": m.code, "summary": m.summary,
                        "severity": m.default_severity.as_str(),
                        "languages": m.langs.iter().map(|l| l.name()).collect::<Vec<_>>(),
                        "fix": format!("{:?}", m.fix).to_lowercase(),
                    })
                })
                .collect();
            out = serde_json::to_string_pretty(&rules).unwrap_or_default();
            out.push('\n');
        }
        RulesFormat::Markdown => out = rules::markdown_table(),
        RulesFormat::Human => {
            for r in rules::ALL {
                let m = r.meta();
                let langs: Vec<&str> = m.langs.iter().map(|l| l.name()).collect();
                out.push_str(&format!(
                    "{:<6} {:<28} {:<8} {}\n       languages: {}\n",
                    m.code,
                    m.id,
                    m.default_severity.as_str(),
                    m.summary,
                    langs.join(", ")
                ));
            }
        }
    }
    print!("{out}");
    ExitCode::SUCCESS
}

fn explain(name: &str) -> ExitCode {
    match rules::lookup(name) {
        Some(r) => {
            print!("{}", r.meta().doc);
            ExitCode::SUCCESS
        }
        None => fail(format!(
            "unknown rule `{name}`; `connlint rules` lists them"
        )),
    }
}

/// `connlint explain --why PATH:LINE`: the findings on that line, each with what makes it run
/// many times (its label's chain), its help and its related places. Exit 0 when there is one,
/// 1 when the line has none, 2 on a bad argument.
fn explain_why(at: &str) -> ExitCode {
    let Some((path, line)) = at
        .rsplit_once(':')
        .and_then(|(p, l)| Some((p, l.parse::<u32>().ok().filter(|l| *l > 0)?)))
    else {
        return fail(format!(
            "--why wants PATH:LINE (e.g. app/api/users/route.ts:12), not `{at}`"
        ));
    };
    let file = PathBuf::from(path);
    if !file.is_file() {
        return fail(format!("--why: `{path}` is not a file"));
    }
    let settings = Settings {
        nearest_config: true,
        ..Settings::default()
    };
    let report = match engine::check_paths(std::slice::from_ref(&file), &settings) {
        Ok(r) => r,
        Err(e) => return run_error(e),
    };
    let on_line: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.start.line <= line && line <= d.end.line)
        .collect();
    let mut out = String::new();
    if on_line.is_empty() {
        out.push_str(&format!("{path}:{line}: no finding on this line"));
        if let Some(e) = report.errors.iter().find(|e| e.path.ends_with(path)) {
            out.push_str(&format!(" (the file was not checked: {})", e.message));
        }
        out.push('\n');
        print!("{out}");
        return ExitCode::from(1);
    }
    for d in on_line {
        out.push_str(&format!(
            "{}:{}:{}: {} ({}, {}): {}\n",
            d.path,
            d.start.line,
            d.start.column,
            d.rule,
            d.code,
            d.severity.as_str(),
            d.message
        ));
        match &d.label {
            Some((_, why)) => out.push_str(&format!("  why:  {why}\n")),
            None => {
                out.push_str("  why:  the construction itself is where it runs (see the message)\n")
            }
        }
        for r in &d.related {
            out.push_str(&format!(
                "  see:  {}:{}:{}: {}\n",
                r.path, r.start.line, r.start.column, r.message
            ));
        }
        if !d.help.is_empty() {
            out.push_str(&format!("  help: {}\n", d.help));
        }
        out.push_str(&format!("  docs: connlint explain {}\n", d.rule));
    }
    print!("{out}");
    ExitCode::SUCCESS
}

fn check(args: CheckArgs) -> ExitCode {
    let select = match resolve_rules(&args.select, "--select") {
        Ok(v) => v,
        Err(e) => return fail(e),
    };
    let ignore = match resolve_rules(&args.ignore, "--ignore") {
        Ok(v) => v,
        Err(e) => return fail(e),
    };
    if args.threads == Some(0) {
        return fail("-j/--threads must be at least 1");
    }
    // `--config` names one configuration for every file; otherwise each file uses the one
    // nearest to it (the result never depends on the order of the paths).
    let mut settings = match settings_for_config(args.isolated, args.config.as_deref()) {
        Ok(s) => s,
        Err(code) => return code,
    };
    // Flags win over the files: --select replaces, --ignore adds.
    if !select.is_empty() {
        settings.select = Some(select);
    }
    settings.ignore.extend(ignore);
    settings.threads = args.threads;
    settings.prefilter = !args.no_prefilter;
    settings.skip_generated = !args.no_skip_generated;
    settings.walk.no_ignore = args.no_ignore;
    if !args.no_cache {
        let dir = args.cache_dir.clone().unwrap_or_else(default_cache_dir);
        settings.cache = Some(std::sync::Arc::new(crate::cache::FactCache::open(&dir)));
    }
    let started = std::time::Instant::now();
    let code = run_check(&args, &settings);
    if args.verbose {
        let cache = settings.cache.as_ref().map(|c| {
            let (hits, parsed) = c.counts();
            format!(", {hits} answered from the cache, {parsed} parsed and cached")
        });
        eprintln!(
            "connlint: done in {:.2} s{}",
            started.elapsed().as_secs_f64(),
            cache.unwrap_or_else(|| " (no cache)".into())
        );
    }
    if let Some(cache) = &settings.cache
        && let Err(e) = cache.save()
        && !args.quiet
    {
        eprintln!("warning: cannot write the cache: {e}");
    }
    code
}

/// `.connlint_cache` at the root of the repository holding the working directory (its nearest
/// ancestor with `.git`), or in the working directory outside a repository: one cache however
/// deep in the tree connlint is started.
fn default_cache_dir() -> PathBuf {
    let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
    cwd.ancestors()
        .find(|d| d.join(".git").exists())
        .unwrap_or(&cwd)
        .join(crate::cache::DIR_NAME)
}

fn run_check(args: &CheckArgs, settings: &Settings) -> ExitCode {
    let settings = settings.clone();
    let baseline = match args.baseline.as_deref().map(baseline::load).transpose() {
        Ok(b) => b,
        Err(e) => return fail(e),
    };
    if args.fix || args.unsafe_fixes || args.diff {
        return fix(args, &settings, baseline.as_ref());
    }
    let mut report = if let Some(path) = &args.stdin_filename {
        let text = match crate::readfile::read_stdin(crate::readfile::MAX_AUX_READ) {
            Ok(t) => t,
            Err(e) => return fail(format!("cannot read standard input: {e}")),
        };
        engine::check_source(path, &text, &settings)
    } else {
        let paths = if args.paths.is_empty() {
            vec![PathBuf::from(".")]
        } else {
            args.paths.clone()
        };
        match engine::check_paths(&paths, &settings) {
            Ok(r) => r,
            Err(e) => return run_error(e),
        }
    };
    if let Some(file) = &args.write_baseline {
        for e in &report.errors {
            eprintln!("warning: {}: {}", e.location(), e.message);
        }
        return match baseline::write(file, &report, &cwd()) {
            Ok(n) => {
                eprintln!("Wrote {n} finding(s) to the baseline {}.", file.display());
                ExitCode::SUCCESS
            }
            Err(e) => fail(e),
        };
    }
    if args.verbose {
        print_stats(&report.stats);
    }
    if let Some(list) = &args.list_parsed {
        let mut text = report.stats.parsed_paths.join("\n");
        text.push('\n');
        if let Err(e) = std::fs::write(list, text) {
            return fail(format!("cannot write {}: {e}", list.display()));
        }
    }
    let applied = baseline
        .as_ref()
        .map(|b| apply_baseline(&mut report, b, args));
    print_report(&report, args, applied.as_ref());
    exit_code(&report, args)
}

/// `connlint parse`: the parse floor the benchmarks compare a check with (walk, read, parse).
fn parse_floor(paths: Vec<PathBuf>, files_from: Option<PathBuf>, walk: bool) -> ExitCode {
    use rayon::prelude::*;
    let started = std::time::Instant::now();
    let files: Vec<(PathBuf, crate::source::Lang)> = match files_from {
        Some(list) => {
            match crate::readfile::read_regular_text(&list, crate::readfile::MAX_AUX_READ) {
                Ok(t) => t
                    .lines()
                    .filter(|l| !l.is_empty())
                    .filter_map(|l| {
                        let p = PathBuf::from(l);
                        crate::source::Lang::from_path(&p).map(|lang| (p, lang))
                    })
                    .collect(),
                Err(e) => return fail(format!("cannot read {}: {e}", list.display())),
            }
        }
        None => {
            let paths = if paths.is_empty() {
                vec![PathBuf::from(".")]
            } else {
                paths
            };
            match crate::discover::discover(&paths, &crate::discover::WalkOptions::default()) {
                Ok(d) => d.files.into_iter().map(|f| (f.path, f.lang)).collect(),
                Err(e) => return fail(e),
            }
        }
    };
    let (bytes, clean): (u64, usize) = files
        .par_iter()
        // Read as a check reads (size limit, binary and UTF-8 checks), so that the floor is
        // the same work less the analyses.
        .map(|(p, lang)| match crate::engine::read_text(p, u64::MAX) {
            Ok(text) => (
                text.len() as u64,
                usize::from(crate::lang::parse_only(*lang, &text, walk)),
            ),
            Err(_) => (0, 0),
        })
        .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    println!(
        "{} files ({:.1} MB) parsed, {} cleanly, in {:.2} s",
        files.len(),
        bytes as f64 / 1e6,
        clean,
        started.elapsed().as_secs_f64()
    );
    ExitCode::SUCCESS
}

/// `--verbose`: files read and parsed (per prefilter round) and where the time went.
fn print_stats(st: &crate::diagnostic::RunStats) {
    let mb = |b: u64| b as f64 / 1e6;
    let rounds: Vec<String> = st.parsed_per_round.iter().map(|n| n.to_string()).collect();
    eprintln!(
        "connlint: {} files read ({:.1} MB), {} parsed ({:.1} MB; per prefilter round: {}), {} skipped",
        st.files_read,
        mb(st.bytes_read),
        st.files_parsed(),
        mb(st.bytes_parsed),
        if rounds.is_empty() {
            "none".into()
        } else {
            rounds.join(" + ")
        },
        st.files_read.saturating_sub(st.files_parsed()),
    );
    eprintln!(
        "connlint: parse and extract {:.2} s, project pass {:.2} s (wall)",
        st.extract_secs, st.project_secs
    );
}

/// A fatal error of a run: configuration errors point at their line (miette), exit 2.
fn run_error(e: engine::RunError) -> ExitCode {
    match e {
        engine::RunError::Config(c) => {
            eprintln!("{:?}", miette::Report::new(*c));
            ExitCode::from(2)
        }
        other => fail(other),
    }
}

fn cwd() -> PathBuf {
    std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."))
}

/// Hide the findings `baseline` records (`--baseline`).
fn apply_baseline(
    report: &mut Report,
    baseline: &baseline::Baseline,
    args: &CheckArgs,
) -> baseline::Applied {
    let checked: Vec<PathBuf> = match &args.stdin_filename {
        Some(p) => vec![p.clone()],
        None if args.paths.is_empty() => vec![PathBuf::from(".")],
        None => args.paths.clone(),
    };
    let file = args.baseline.as_deref().unwrap_or(std::path::Path::new(""));
    baseline::apply(report, baseline, file, &cwd(), &checked)
}

fn fix(args: &CheckArgs, settings: &Settings, baseline: Option<&baseline::Baseline>) -> ExitCode {
    use crate::diagnostic::Applicability;
    let level = if args.unsafe_fixes {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    // Unsafe fixes left by a safe-only run: say so rather than nothing (stderr; the human report
    // says it in its summary).
    let hint = |report: &Report, in_summary: bool| {
        let n = crate::fix::unsafe_only(report);
        if level == Applicability::Safe && n > 0 && !in_summary {
            let fixes = if n == 1 { "fix" } else { "fixes" };
            eprintln!("{n} {fixes} available with --unsafe-fixes.");
        }
    };
    let human_summary = !args.quiet && args.format.unwrap_or(Format::Human) == Format::Human;
    if let Some(path) = &args.stdin_filename {
        let text = match crate::readfile::read_stdin(crate::readfile::MAX_AUX_READ) {
            Ok(t) => t,
            Err(e) => return fail(format!("cannot read standard input: {e}")),
        };
        let (fixed, mut report) = crate::fix::fix_text(path, &text, settings, level);
        hint(&report, false);
        if args.diff {
            let diff = crate::fix::diff_text(&path.display().to_string(), &text, &fixed);
            print!("{diff}");
            return ExitCode::from(u8::from(!diff.is_empty()));
        }
        print!("{fixed}");
        if let Some(b) = baseline {
            apply_baseline(&mut report, b, args);
        }
        return exit_code(&report, args);
    }
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let outcome = match crate::fix::fix_paths(&paths, settings, level) {
        Ok(o) => o,
        Err(e) => return run_error(e),
    };
    for d in &outcome.dropped {
        eprintln!("warning: {}: {}", d.path, d.message);
    }
    if args.diff {
        let diff = crate::fix::unified_diff(&outcome);
        print!("{diff}");
        hint(&outcome.remaining, false);
        return ExitCode::from(u8::from(!diff.is_empty()));
    }
    let written = crate::fix::write_all(&outcome);
    for e in &written.errors {
        eprintln!("error: {}: {}", e.path, e.message);
    }
    // A fix that was not written leaves its findings: report the files as they are on disk.
    let mut report = if written.errors.is_empty() {
        outcome.remaining
    } else {
        crate::fix::report_on_disk(&outcome, &written, settings)
    };
    let applied = baseline.map(|b| apply_baseline(&mut report, b, args));
    print_report(&report, args, applied.as_ref());
    let fixed: usize = written
        .written
        .iter()
        .filter_map(|p| outcome.applied_in.get(p))
        .sum();
    if human_summary {
        println!(
            "Fixed {fixed} finding(s) in {} file(s).",
            written.written.len()
        );
    }
    hint(&report, human_summary);
    if !written.errors.is_empty() {
        eprintln!(
            "error: {}; the findings of the files not written are reported above",
            if written.written.is_empty() {
                "no fix was written (--fix writes every file or none)"
            } else {
                "some fixes could not be written"
            }
        );
        return ExitCode::from(2);
    }
    exit_code(&report, args)
}

fn exit_code(report: &Report, args: &CheckArgs) -> ExitCode {
    let errors = report.count(Severity::Error);
    let warnings = report.count(Severity::Warning);
    if args.exit_zero {
        ExitCode::SUCCESS
    } else if errors > 0
        || (args.strict && (warnings > 0 || report.errors.iter().any(|e| !e.deliberate)))
    {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn print_report(report: &Report, args: &CheckArgs, baseline: Option<&baseline::Applied>) {
    let format = args.format.unwrap_or(Format::Human);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let text = match format {
        Format::Json => match baseline {
            // `baseline` is an addition to the version-1 document, present with --baseline.
            Some(applied) => {
                let mut doc = report::json::to_value(report);
                doc["baseline"] = baseline::to_json(applied);
                let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
                s.push('\n');
                s
            }
            None => report::json::render(report),
        },
        Format::Github => report::github::render(report),
        Format::Sarif => report::sarif::render(report),
        Format::Gitlab => report::gitlab::render(report),
        Format::Junit => report::junit::render(report),
        Format::Human if args.quiet => report::human::render_concise(report),
        Format::Human => {
            let color = match args.color {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => {
                    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
                }
            };
            let width = std::env::var("COLUMNS")
                .ok()
                .and_then(|c| c.parse().ok())
                .unwrap_or(100);
            report::human::render(report, report::human::HumanOptions { color, width })
        }
    };
    let _ = out.write_all(text.as_bytes());
    if args.statistics && format == Format::Human {
        let mut counts: std::collections::BTreeMap<(&str, &str), usize> = Default::default();
        for d in &report.diagnostics {
            *counts.entry((d.code, d.rule)).or_default() += 1;
        }
        for ((code, rule), n) in counts {
            let _ = writeln!(out, "{n:>5}  {code}  {rule}");
        }
    }
    if let Some(applied) = baseline.filter(|_| format != Format::Json && !args.quiet) {
        eprint!("{}", baseline::note(applied));
    }
    if format == Format::Human && !report.errors.is_empty() {
        let stderr = std::io::stderr();
        let mut err = stderr.lock();
        for e in &report.errors {
            let _ = writeln!(err, "warning: {}: {}", e.location(), e.message);
        }
    }
}
