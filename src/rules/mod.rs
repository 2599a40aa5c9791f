//! The rules. One file per rule (`src/rules/<rule_id>.rs`) holding its metadata, its check over
//! facts and its fix choice; its long documentation is `rules/<rule-id>.md`.
//!
//! Adding a rule: its file (`declare_rule!` and an `impl Check`), its doc, its fixtures, and
//! ONE line in `register_rules!` below.

pub use crate::cx::ProjectCx;
use crate::diagnostic::{Finding, Severity};
pub use crate::facts::CheckedFile;
use crate::source::Lang;

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
    /// Rules that report the same bug at the same place better: a finding of this rule that
    /// starts where one of theirs does is left out (one finding per bug; fixing theirs fixes it).
    pub yields_to: &'static [&'static str],
}

/// A rule as the engine, the CLI and the reporters see it. Rules do not implement it by hand:
/// [`declare_rule!`] gives the metadata and the rule's file implements [`Check`].
pub trait Rule: Sync + Send {
    fn meta(&self) -> &'static RuleMeta;
    /// Report findings over all facts of the run. Per-file rules just loop over `cx.files`;
    /// the engine calls every rule once per run.
    fn check(&self, cx: &ProjectCx<'_>, out: &mut Vec<Finding>);
}

/// The metadata of a rule type (written by [`declare_rule!`]).
pub trait Declared {
    const META: &'static RuleMeta;
}

/// What a rule finds: the one thing its file writes by hand.
pub trait Check {
    fn check(&self, cx: &ProjectCx<'_>, out: &mut Vec<Finding>);
}

impl<T: Declared + Check + Sync + Send> Rule for T {
    fn meta(&self) -> &'static RuleMeta {
        T::META
    }
    fn check(&self, cx: &ProjectCx<'_>, out: &mut Vec<Finding>) {
        Check::check(self, cx, out)
    }
}

/// Declare a rule: its type, `META` (id, code, summary, languages, default severity, whether it
/// fixes, and its documentation `rules/<id>.md`, included into the binary). The rule's file then
/// implements [`Check`], and one line of `register_rules!` registers it.
///
/// ```ignore
/// crate::declare_rule! {
///     /// What the type is.
///     MyRule {
///         id: "my-rule",
///         code: "CL199",
///         summary: "one line, lower-case start, no trailing period",
///         langs: [Lang::Ts, Lang::Py],
///         severity: Error,
///         fix: Sometimes,
///         // optional: leave this rule's finding out where one of these starts at the same place
///         yields_to: ["per-request-client"],
///     }
/// }
/// ```
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[$attr:meta])*
        $name:ident {
            id: $id:literal,
            code: $code:literal,
            summary: $summary:literal,
            langs: [$($lang:expr),* $(,)?],
            severity: $severity:ident,
            fix: $fix:ident
            $(, yields_to: [$($yield:literal),* $(,)?])? $(,)?
        }
    ) => {
        pub static META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
            id: $id,
            code: $code,
            summary: $summary,
            langs: &[$($lang),*],
            default_severity: $crate::diagnostic::Severity::$severity,
            fix: $crate::rules::FixAvailability::$fix,
            doc: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/rules/", $id, ".md")),
            yields_to: &[$($($yield),*)?],
        };

        $(#[$attr])*
        pub struct $name;

        impl $crate::rules::Declared for $name {
            const META: &'static $crate::rules::RuleMeta = &META;
        }
    };
}

/// The registry: declares each rule's module and lists its type in [`ALL`], in run order.
macro_rules! register_rules {
    ($($module:ident :: $rule:ident),* $(,)?) => {
        $(pub mod $module;)*

        /// Every rule, once, in run order.
        pub static ALL: &[&dyn Rule] = &[$(&$module::$rule),*];
    };
}

// THE registry: every rule, once (its module and its type). The two suppression judges run
// after all the others, in this order (see `judges_suppressions`).
register_rules! {
    per_request_client::PerRequestClient,
    hot_reload_client::HotReloadClient,
    effect_missing_cleanup::EffectMissingCleanup,
    unclosed_session::UnclosedSession,
    duplicate_client_module::DuplicateClientModule,
    oversized_pool::OversizedPool,
    pooler_prepared_statements::PoolerPreparedStatements,
    invalid_suppression::InvalidSuppression,
    unused_suppression::UnusedSuppression,
}

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

/// The registry's names, for configuration (which sits below the rules).
pub const NAMES: crate::config::RuleNames = crate::config::RuleNames {
    resolve: |name| lookup(name).map(|r| r.meta().id),
    ids: || ALL.iter().map(|r| r.meta().id).collect(),
};

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
