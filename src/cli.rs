//! The command line: `connlint [check] [PATHS]`, `connlint rules`, `connlint explain RULE`.
//! Parses flags (clap), builds [`Settings`], runs the library, picks a reporter, returns the exit
//! code. No lint logic lives here.

use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::config;
use crate::diagnostic::Severity;
use crate::engine::{self, Report, Settings};
use crate::report::{self, Format};
use crate::rules;

#[derive(Debug, Parser)]
#[command(
    name = "connlint",
    version,
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
    /// Print the documentation of a rule (by id or code)
    Explain { rule: String },
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
    /// Exit 1 on warnings too
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
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match cli.command {
        Some(Command::Rules { format }) => print_rules(format),
        Some(Command::Explain { rule }) => explain(&rule),
        Some(Command::Check(args)) => check(args),
        None => check(cli.check),
    }
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
    let mut settings = if args.isolated {
        Settings::default()
    } else if let Some(path) = &args.config {
        match config::load(path) {
            Ok(c) => Settings::from_config(c),
            Err(e) => {
                eprintln!("{:?}", miette::Report::new(*e));
                return ExitCode::from(2);
            }
        }
    } else {
        Settings {
            nearest_config: true,
            ..Settings::default()
        }
    };
    // Flags win over the files: --select replaces, --ignore adds.
    if !select.is_empty() {
        settings.select = Some(select);
    }
    settings.ignore.extend(ignore);
    settings.threads = args.threads;
    settings.prefilter = !args.no_prefilter;
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
    if args.fix || args.unsafe_fixes || args.diff {
        return fix(args, &settings);
    }
    let report = if let Some(path) = &args.stdin_filename {
        let mut text = String::new();
        if let Err(e) = std::io::stdin().read_to_string(&mut text) {
            return fail(format!("cannot read standard input: {e}"));
        }
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
    print_report(&report, args);
    exit_code(&report, args)
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

fn fix(args: &CheckArgs, settings: &Settings) -> ExitCode {
    use crate::diagnostic::Applicability;
    let level = if args.unsafe_fixes {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    if let Some(path) = &args.stdin_filename {
        let mut text = String::new();
        if let Err(e) = std::io::stdin().read_to_string(&mut text) {
            return fail(format!("cannot read standard input: {e}"));
        }
        let (fixed, report) = crate::fix::fix_text(path, &text, settings, level);
        if args.diff {
            let diff = crate::fix::diff_text(&path.display().to_string(), &text, &fixed);
            print!("{diff}");
            return ExitCode::from(u8::from(!diff.is_empty()));
        }
        print!("{fixed}");
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
        return ExitCode::from(u8::from(!diff.is_empty()));
    }
    for e in crate::fix::write_all(&outcome) {
        eprintln!("error: {}: {}", e.path, e.message);
    }
    print_report(&outcome.remaining, args);
    if !args.quiet && args.format.unwrap_or(Format::Human) == Format::Human {
        println!(
            "Fixed {} finding(s) in {} file(s).",
            outcome.applied,
            outcome.changed.len()
        );
    }
    exit_code(&outcome.remaining, args)
}

fn exit_code(report: &Report, args: &CheckArgs) -> ExitCode {
    let errors = report.count(Severity::Error);
    let warnings = report.count(Severity::Warning);
    if args.exit_zero {
        ExitCode::SUCCESS
    } else if errors > 0 || (args.strict && warnings > 0) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn print_report(report: &Report, args: &CheckArgs) {
    let format = args.format.unwrap_or(Format::Human);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let text = match format {
        Format::Json => report::json::render(report),
        Format::Github => report::github::render(report),
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
    if format == Format::Human && !report.errors.is_empty() {
        let stderr = std::io::stderr();
        let mut err = stderr.lock();
        for e in &report.errors {
            let _ = writeln!(err, "warning: {}: {}", e.path, e.message);
        }
    }
}
