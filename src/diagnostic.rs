//! What rules report ([`Finding`], in byte spans) and what reporters print ([`Diagnostic`], with
//! paths and positions). Reporters see only [`Diagnostic`]s, never languages or facts.

use crate::source::{Position, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" | "warn" => Some(Severity::Warning),
            _ => None,
        }
    }
}

/// How safe a fix is to apply without review (see DESIGN.md "Fixes").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Applicability {
    DisplayOnly,
    Unsafe,
    Safe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
            Applicability::DisplayOnly => "display-only",
        }
    }
}

/// One text replacement in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub span: Span,
    pub content: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub message: String,
    pub applicability: Applicability,
    /// Edits in the finding's own file.
    pub edits: Vec<Edit>,
    /// Edits in other files of the run (file index): a factory fixed where it is defined, for a
    /// finding at its call site. Applied together with `edits`, or not at all.
    pub related_edits: Vec<(usize, Edit)>,
}

impl Fix {
    /// An unsafe fix whose edits are all in the finding's own file: what most fix builders make.
    pub fn unsafe_edits(message: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix {
            message: message.into(),
            applicability: Applicability::Unsafe,
            edits,
            related_edits: Vec::new(),
        }
    }
}

/// A finding as a rule produces it: byte spans into files of the run.
#[derive(Debug, Clone)]
pub struct Finding {
    pub rule: &'static str,
    /// Index of the file in the run.
    pub file: usize,
    pub span: Span,
    pub severity: Severity,
    pub message: String,
    pub help: String,
    /// A secondary label in the same file (e.g. "this handler runs on every request").
    pub label: Option<(Span, String)>,
    /// Locations in other places (the factory a call reaches, the other duplicate modules).
    pub related: Vec<(usize, Span, String)>,
    pub fix: Option<Fix>,
}

/// A related location, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub path: String,
    pub span: Span,
    pub start: Position,
    pub message: String,
}

/// A fix edit, resolved to positions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedEdit {
    /// The file the edit applies to (the diagnostic's own path, or another file's).
    pub path: String,
    pub span: Span,
    pub start: Position,
    pub end: Position,
    pub content: String,
}

/// A finding resolved to a path and positions: what reporters print.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: &'static str,
    pub code: &'static str,
    pub severity: Severity,
    /// Relative to the working directory, with `/`.
    pub path: String,
    pub span: Span,
    pub start: Position,
    pub end: Position,
    pub message: String,
    pub help: String,
    pub label: Option<(Span, String)>,
    pub related: Vec<Related>,
    pub fix: Option<(Fix, Vec<ResolvedEdit>)>,
}

/// A file connlint could not check (unreadable, binary, not UTF-8, too large, a syntax error
/// the parser cannot recover from). Listed, never fatal.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FileError {
    /// The file's display path (relative to the working directory, with `/`): a path only.
    pub path: String,
    /// Where in the file, when known (a syntax error the parser cannot recover from).
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub message: String,
    /// Left out by policy (generated or minified code), not for a problem: does not fail
    /// `--strict`.
    pub deliberate: bool,
}

impl FileError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        FileError {
            path: path.into(),
            message: message.into(),
            ..FileError::default()
        }
    }

    /// `path`, or `path:line:column` when the place is known (human and GitHub output).
    pub fn location(&self) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", self.path),
            (Some(l), None) => format!("{}:{l}", self.path),
            _ => self.path.clone(),
        }
    }

    /// Is this a file left out on purpose (binary, too large, not UTF-8) rather than one that
    /// could not be read or parsed?
    pub fn is_skip(&self) -> bool {
        self.message.starts_with("skipped")
    }
}

/// The result of a run.
#[derive(Debug, Default)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    pub errors: Vec<FileError>,
    pub files_checked: usize,
    /// The display path of every file checked (the requested ones), sorted.
    pub checked: Vec<String>,
    /// The text of every file a diagnostic points into, by display path (for snippets).
    pub sources: std::collections::BTreeMap<String, std::sync::Arc<str>>,
    /// What the run did, for `--verbose` and the benchmarks.
    pub stats: RunStats,
    /// Each long-lived pool's share of its database's budget, when asked for (the LSP's hover).
    pub pools: Vec<PoolShare>,
}

/// A long-lived pool's share of its database's connection budget, as Markdown.
#[derive(Debug, Clone, PartialEq)]
pub struct PoolShare {
    pub path: String,
    /// The construction.
    pub span: Span,
    pub text: String,
}

/// What a run did: files read and parsed, and where the time went.
#[derive(Debug, Default, Clone)]
pub struct RunStats {
    /// Files read (every file of the run, context files included).
    pub files_read: usize,
    pub bytes_read: u64,
    /// Files parsed in each prefilter round (the first: the files the trigger words hit).
    pub parsed_per_round: Vec<usize>,
    pub bytes_parsed: u64,
    /// The display paths of the files parsed (for `--list-parsed` and the benchmarks).
    pub parsed_paths: Vec<String>,
    /// Wall seconds of: parsing and extraction (all rounds), the project pass (rules).
    pub extract_secs: f64,
    pub project_secs: f64,
}

impl RunStats {
    pub fn files_parsed(&self) -> usize {
        self.parsed_per_round.iter().sum()
    }
}

impl Report {
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// How many findings carry a fix of exactly this applicability with edits (in any file).
    pub fn fixable(&self, applicability: Applicability) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| {
                d.fix
                    .as_ref()
                    .is_some_and(|(f, e)| f.applicability == applicability && !e.is_empty())
            })
            .count()
    }
}
