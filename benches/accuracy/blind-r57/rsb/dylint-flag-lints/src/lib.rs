//! Company lints run in CI with `cargo dylint --all --workspace`.
//!
//! * `unknown_feature_flag`: string keys passed to `flags::is_enabled("...")`
//!   must exist in the flag service, and every use is recorded so stale flags
//!   can be found.
//! * `missing_code_owner`: every top-level module of a service crate must be
//!   listed in the ownership registry.
//!
//! Workspace configuration (dylint.toml):
//!
//! ```toml
//! [workspace.metadata.dylint]
//! libraries = [{ git = "https://git.internal.example.com/platform/flag-lints" }]
//! ```
#![feature(rustc_private)]
#![warn(unused_extern_crates)]

extern crate rustc_ast;
extern crate rustc_hir;
extern crate rustc_lint;
extern crate rustc_middle;
extern crate rustc_session;
extern crate rustc_span;

mod flags;
mod owners;

dylint_linting::dylint_library!();

#[allow(clippy::no_mangle_with_rust_abi)]
#[no_mangle]
pub fn register_lints(sess: &rustc_session::Session, lint_store: &mut rustc_lint::LintStore) {
    dylint_linting::init_config(sess);
    lint_store.register_lints(&[flags::UNKNOWN_FEATURE_FLAG, owners::MISSING_CODE_OWNER]);
    lint_store.register_late_pass(|_| Box::new(flags::UnknownFeatureFlag));
    lint_store.register_late_pass(|_| Box::new(owners::MissingCodeOwner::default()));
}
