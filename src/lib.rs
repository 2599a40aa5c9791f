//! connlint: finds connection misuse (clients per request, missing cleanups, unclosed
//! sessions, oversized pools) in TypeScript/JavaScript, Python and Rust.
//!
//! The pipeline (see DESIGN.md): discover → front-end (per language) → facts → rules →
//! diagnostics → reporters. [`check_paths`] and [`check_source`] are the one entry point used by
//! the CLI, the tests and the LSP server.

pub mod baseline;
pub mod budget;
pub mod cache;
pub mod callgraph;
pub mod catalog;
pub mod cli;
pub mod config;
pub mod connurl;
pub mod cx;
pub mod deploy;
pub mod diagnostic;
pub mod discover;
pub mod engine;
pub mod exports;
pub mod facts;
pub mod fingerprint;
pub mod fix;
pub mod fixgen;
pub mod generated;
pub mod imports;
pub mod lang;
pub mod livedb;
pub mod lsp;
pub mod pgbouncer;
pub mod pools;
pub mod prefilter;
pub mod project;
pub mod readfile;
pub mod report;
pub mod rules;
pub mod snippet;
pub mod source;
pub mod suppress;
pub mod uri;

pub use engine::{Report, Settings, check_paths, check_source, check_sources};
