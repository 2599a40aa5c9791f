//! Reporters: turn a [`Report`](crate::diagnostic::Report) into text. They see diagnostics only,
//! never languages or facts.

pub mod budget;
pub mod chart;
pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod junit;
pub mod libraries;
pub mod sarif;

/// Output formats of `connlint check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Source snippets with labels, help and a summary (miette).
    Human,
    /// The versioned JSON document of DESIGN.md.
    Json,
    /// GitHub Actions workflow commands (`::error file=…`), one per diagnostic.
    Github,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitLab Code Quality JSON.
    Gitlab,
    /// JUnit XML: a testcase per file checked, a failure per finding.
    Junit,
}
