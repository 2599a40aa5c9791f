//! What a rule sees of a whole run (`ProjectCx`): every checked file, the call graph, the
//! catalogue, each file's configuration and suppressions, and work the rules share.

use crate::callgraph::CallGraph;
use crate::catalog::Catalog;
use crate::facts::CheckedFile;

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
    pub memo: &'a crate::exports::Memo,
    /// The processes the deployment descriptions start (for the connection budget).
    pub deployment: &'a crate::deploy::Deployment,
    /// The walk's pages and templates, read only when a rule asks (see
    /// `effect-missing-cleanup`'s page tags).
    pub markup: &'a [std::path::PathBuf],
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
