//! The rules. One file per rule (`src/rules/<rule_id>.rs`) holding its metadata, its check over
//! facts and its fix choice; its long documentation is `rules/<rule-id>.md`.
//!
//! Adding a rule: write the file and the doc, add ONE line to [`ALL`], add fixtures.

pub mod duplicate_client_module;
pub mod effect_missing_cleanup;
pub mod hot_reload_client;
pub mod invalid_suppression;
pub mod oversized_pool;
pub mod per_request_client;
pub mod pooler_prepared_statements;
pub mod shared_client;
pub mod unclosed_session;
pub mod unused_suppression;

use crate::callgraph::CallGraph;
use crate::catalog::Catalog;
use crate::diagnostic::{Finding, Severity};
use crate::facts::FileFacts;
use crate::source::{Lang, SourceFile, Span};

/// The line ending a fix writes into `text`: `\r\n` in a CRLF file, `\n` otherwise.
pub fn newline(text: &str) -> &'static str {
    if text.contains("\r\n") { "\r\n" } else { "\n" }
}

/// The whole line holding `span` (from its start to after its newline) and whether the span
/// stands alone on it, a trailing `;` or comment aside: what a fix deletes or replaces when it
/// moves a statement.
pub fn own_line(source: &crate::source::SourceFile, span: Span) -> (Span, bool) {
    let text = source.text.as_str();
    let lines = &source.lines;
    let (start, end) = (span.start as usize, span.end as usize);
    let line_start = lines.line_start(lines.line_of(span.start)) as usize;
    let next = lines.line_of(span.end) + 1;
    let line_end = if next < lines.line_count() {
        lines.line_start(next) as usize
    } else {
        text.len()
    };
    let after = text[end..line_end].trim().trim_start_matches(';').trim();
    let alone = text[line_start..start].trim().is_empty()
        && (after.is_empty() || after.starts_with("//") || after.starts_with('#'));
    (Span::new(line_start, line_end), alone)
}

/// Python: an edit adding the line `line` after the last import (`insert`, the start of the line
/// after it), or at the top of the file.
pub fn py_line_after_imports(
    text: &str,
    insert: Option<u32>,
    line: &str,
) -> crate::diagnostic::Edit {
    let at = insert.map(|a| a as usize).unwrap_or(0);
    crate::diagnostic::Edit {
        span: Span::new(at, at),
        content: format!("{line}{}", newline(text)),
    }
}

/// Does a rule offer fixes?
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixAvailability {
    Always,
    Sometimes,
    None,
}

/// What the registry, `connlint rules`, `explain`, SARIF and the README know of a rule.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable kebab-case id: config, suppressions, JSON and SARIF use it.
    pub id: &'static str,
    /// `CL` + 3 digits, printed beside the id and accepted as an alias.
    pub code: &'static str,
    /// One line, lower-case start, no trailing period.
    pub summary: &'static str,
    pub langs: &'static [Lang],
    pub default_severity: Severity,
    pub fix: FixAvailability,
    /// `rules/<rule-id>.md`.
    pub doc: &'static str,
}

/// One checked file: its source and facts.
pub struct CheckedFile {
    pub source: SourceFile,
    pub facts: FileFacts,
}

/// What a rule sees of a whole run: every checked file, the project call graph, the catalogue.
pub struct ProjectCx<'a> {
    pub files: &'a [CheckedFile],
    pub graph: &'a CallGraph,
    pub catalog: &'a Catalog,
    /// The configuration of each file (by index into `files`): its budget.
    pub configs: &'a [&'a crate::config::Config],
    /// Every file's suppression comments (index-aligned with `files`), marked with what they
    /// suppressed: filled only for the rules that judge suppressions (see
    /// [`judges_suppressions`]), which run after all the others; empty for the others.
    pub suppressions: &'a [crate::suppress::Suppressions],
    /// Work the rules share, computed once per run on first use.
    pub memo: &'a shared_client::Memo,
}

impl ProjectCx<'_> {
    /// The configuration governing file `file` (the default one when out of range).
    pub fn config_of(&self, file: usize) -> &crate::config::Config {
        static DEFAULT: std::sync::OnceLock<crate::config::Config> = std::sync::OnceLock::new();
        self.configs
            .get(file)
            .copied()
            .unwrap_or_else(|| DEFAULT.get_or_init(crate::config::Config::default))
    }
}

pub trait Rule: Sync + Send {
    fn meta(&self) -> &'static RuleMeta;
    /// Report findings over all facts of the run. Per-file rules just loop over `cx.files`;
    /// the engine calls every rule once per run.
    fn check(&self, cx: &ProjectCx<'_>, out: &mut Vec<Finding>);
}

/// THE registry: every rule, once.
pub static ALL: &[&dyn Rule] = &[
    &per_request_client::PerRequestClient,
    &hot_reload_client::HotReloadClient,
    &effect_missing_cleanup::EffectMissingCleanup,
    &unclosed_session::UnclosedSession,
    &duplicate_client_module::DuplicateClientModule,
    &oversized_pool::OversizedPool,
    &pooler_prepared_statements::PoolerPreparedStatements,
    // These two judge the suppression comments by what the rules above found: they run last, in
    // this order (see `judges_suppressions`).
    &invalid_suppression::InvalidSuppression,
    &unused_suppression::UnusedSuppression,
];

/// Does this rule judge suppression comments (so it runs after every other rule, on their
/// findings)? Its fixture cases run with every rule enabled.
pub fn judges_suppressions(id: &str) -> bool {
    id == invalid_suppression::META.id || id == unused_suppression::META.id
}

/// Where the rules' documentation is published (`rules/<id>.md` of the repository), for SARIF's
/// `helpUri`, the LSP's `codeDescription` and the README. A build can point it elsewhere with the
/// `CONNLINT_DOCS_URL` environment variable at compile time.
pub const DOCS_URL: &str = match option_env!("CONNLINT_DOCS_URL") {
    Some(url) => url,
    None => "https://github.com/connlint/connlint/blob/main/rules",
};

/// The documentation page of rule `id`.
pub fn doc_url(id: &str) -> String {
    format!("{}/{id}.md", DOCS_URL.trim_end_matches('/'))
}

/// Find a rule by id (`per-request-client`) or code (`CL101`), case-insensitively for codes.
pub fn lookup(name: &str) -> Option<&'static dyn Rule> {
    ALL.iter()
        .copied()
        .find(|r| r.meta().id == name || r.meta().code.eq_ignore_ascii_case(name))
}

/// "a listener", "an interval", "an Express handler".
pub(crate) fn with_article(noun: &str) -> String {
    let vowel = noun
        .chars()
        .next()
        .is_some_and(|c| "aeiouAEIOU".contains(c));
    format!("{} {noun}", if vowel { "an" } else { "a" })
}

/// The rule table of the README, generated from the registry (`tests/meta.rs` keeps it current).
pub fn markdown_table() -> String {
    let mut s = String::from(
        "| Code | Rule | Default | Languages | What it finds |\n|---|---|---|---|---|\n",
    );
    for r in ALL {
        let m = r.meta();
        let langs: Vec<&str> = m.langs.iter().map(|l| l.name()).collect();
        s.push_str(&format!(
            "| {} | [`{}`](rules/{}.md) | {} | {} | {} |\n",
            m.code,
            m.id,
            m.id,
            m.default_severity.as_str(),
            langs.join(", "),
            m.summary
        ));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_codes_are_unique_and_well_formed() {
        let mut ids: Vec<&str> = ALL.iter().map(|r| r.meta().id).collect();
        let mut codes: Vec<&str> = ALL.iter().map(|r| r.meta().code).collect();
        ids.sort();
        codes.sort();
        let (n, m) = (ids.len(), codes.len());
        ids.dedup();
        codes.dedup();
        assert_eq!((n, m), (ids.len(), codes.len()));
        for r in ALL {
            let meta = r.meta();
            assert!(
                meta.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                meta.id
            );
            assert!(
                meta.code.starts_with("CL") && meta.code.len() == 5,
                "{}",
                meta.code
            );
            assert!(!meta.summary.ends_with('.'), "{}", meta.id);
            assert!(lookup(meta.id).is_some() && lookup(&meta.code.to_lowercase()).is_some());
        }
    }
}
