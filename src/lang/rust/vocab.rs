//! Word lists of the Rust front-end: axum methods and extractors, route attributes, lazy
//! initialisers, std methods, pass-through and deriving calls, loops and iterator methods.

/// axum `routing::*` functions (and `MethodRouter` methods) that take a handler.
pub(super) const AXUM_METHODS: &[&str] = &[
    "get", "post", "put", "patch", "delete", "head", "options", "trace", "connect", "any",
];

/// warp filter methods whose argument runs per request (`.and_then(handler)`, `.map(|| …)`).
pub(super) const WARP_HANDLER_METHODS: &[&str] = &["and_then", "map", "then"];

/// axum extractors that make an async fn a handler (with generic arguments: `State<AppState>`).
pub(super) const EXTRACTORS: &[&str] = &["State", "Path", "Query", "Json", "Extension", "Form"];

/// actix-web / Rocket route attributes.
pub(super) const ROUTE_ATTRS: &[&str] = &[
    "get", "post", "put", "patch", "delete", "head", "options", "route",
];

/// Methods whose arguments run once: `OnceLock::get_or_init(|| …)`, `Once::call_once(|| …)`.
pub(super) const LAZY_METHODS: &[&str] = &[
    "get_or_init",
    "get_or_try_init",
    "get_or_init_async",
    "get_or_try_init_async",
    "call_once",
    "call_once_force",
];

/// Methods whose closure runs once per key of a map (or once per empty `Option`): what it builds
/// is cached under that key.
pub(super) const KEYED_CACHE_METHODS: &[&str] =
    &["or_insert_with", "or_insert_with_key", "get_or_insert_with"];

/// Types whose `new(..)` defers its argument to a one-time initialisation.
pub(super) const LAZY_TYPES: &[&str] = &["LazyLock", "Lazy", "LazyCell"];

/// Methods that hand their receiver's value through (for bindings and returns).
/// Methods of the standard library's collections, smart pointers and conversion traits: a call of
/// one is never taken for a project method of the same name.
pub(super) const STD_METHODS: &[&str] = &[
    "get",
    "get_mut",
    "insert",
    "remove",
    "push",
    "pop",
    "send",
    "clone",
    "lock",
    "read",
    "write",
    "iter",
    "iter_mut",
    "into_iter",
    "len",
    "is_empty",
    "map",
    "next",
    "into",
    "as_ref",
    "as_mut",
    "to_string",
    "to_owned",
    "contains",
    "extend",
    "take",
    "split",
    "join",
    "entry",
    "borrow",
    "borrow_mut",
    "collect",
    "filter",
    "find",
];

pub(super) const PASSTHROUGH: &[&str] = &[
    "unwrap",
    "expect",
    "unwrap_or_else",
    "unwrap_or_default",
    "unwrap_or",
    "unwrap_unchecked",
    "context",
    "with_context",
    "wrap_err",
    "wrap_err_with",
    "map_err",
    "ok",
    "into",
    "clone",
    "to_owned",
];

/// Callbacks that run once per element of any receiver.
pub(super) const LOOP_ALWAYS: &[&str] = &[
    "for_each",
    "try_for_each",
    "for_each_concurrent",
    "try_for_each_concurrent",
    "par_for_each",
];

/// Callbacks that run once per element when the receiver is an iterator chain.
pub(super) const LOOP_ON_ITER: &[&str] = &[
    "map",
    "filter_map",
    "flat_map",
    "then",
    "and_then",
    "inspect",
    "fold",
    "try_fold",
];

/// Methods that run the function handed to them once, where the application is put together:
/// pavex's `bp.singleton(f!(crate::db::pool))`, actix's `App::configure(routes)`, Tauri's
/// `.setup(init)`.
pub(super) const ONCE_REGISTRATIONS: &[&str] = &["singleton", "configure", "setup", "on_startup"];

/// Combinators that call a function handed to them by path where they stand, once or per element
/// (`ticket.and_then(jira::lookup)`, `rows.iter().map(parse_row)`): a call of that function there.
pub(super) const CALL_IN_PLACE: &[&str] = &[
    "and_then",
    "or_else",
    "map",
    "map_or",
    "map_or_else",
    "unwrap_or_else",
    "filter_map",
    "flat_map",
    "for_each",
    "try_for_each",
    "inspect",
    "then",
];

/// Methods that make a chain an iterator.
pub(super) const ITER_METHODS: &[&str] = &[
    "iter",
    "into_iter",
    "iter_mut",
    "par_iter",
    "into_par_iter",
    "par_iter_mut",
    "values",
    "values_mut",
    "keys",
    "drain",
    "chunks",
    "windows",
    "lines",
    "enumerate",
    "zip",
    "skip",
    "take",
    "rev",
    "cloned",
    "copied",
];

/// Wrapper types seen through when typing a value (`State<redis::Client>`, `Arc<Client>`).
pub(super) const WRAPPERS: &[&str] = &["Arc", "Rc", "Box", "Data", "State", "Extension"];

/// Macros whose body is comma-separated expressions that may build clients
/// (`tokio::try_join!(PgPool::connect(a), PgPool::connect(b))`, `vec![Client::new(); n]` is not
/// one). Other macro bodies are not parsed: re-parsing every `println!` / `quote!` costs more
/// than the whole walk.
pub(super) const EXPR_MACROS: &[&str] = &["vec", "join", "try_join", "dbg"];

/// Markup macros: their braces that parse as blocks are Rust code run as the component renders or
/// on its events (see `markup_blocks`).
pub(super) const MARKUP_MACROS: &[&str] = &["rsx", "html", "view"];

/// Macros whose brace groups are not Rust code run where the macro stands: definitions,
/// conditional items, markup and data (their blocks are templates, items or literals).
pub(super) const OPAQUE_MACROS: &[&str] = &[
    "macro_rules",
    "cfg_if",
    "quote",
    "quote_spanned",
    "json",
    "sql",
    "lazy_static",
    "thread_local",
];

/// Crates that are never part of the project.
pub(super) const STD_CRATES: &[&str] = &["std", "core", "alloc", "proc_macro", "test"];

/// The language's own attributes (the Reference's "built-in attributes"): a bare one of these on a
/// function is never a dependency's macro brought in by a glob import.
pub(super) const BUILTIN_ATTRS: &[&str] = &[
    "cfg",
    "cfg_attr",
    "test",
    "ignore",
    "should_panic",
    "derive",
    "automatically_derived",
    "macro_export",
    "macro_use",
    "proc_macro",
    "proc_macro_derive",
    "proc_macro_attribute",
    "allow",
    "expect",
    "warn",
    "deny",
    "forbid",
    "deprecated",
    "must_use",
    "diagnostic",
    "link",
    "link_name",
    "link_ordinal",
    "no_link",
    "repr",
    "crate_type",
    "no_main",
    "export_name",
    "link_section",
    "no_mangle",
    "used",
    "crate_name",
    "inline",
    "cold",
    "no_builtins",
    "target_feature",
    "track_caller",
    "instruction_set",
    "doc",
    "no_std",
    "no_implicit_prelude",
    "path",
    "recursion_limit",
    "type_length_limit",
    "panic_handler",
    "global_allocator",
    "windows_subsystem",
    "feature",
    "non_exhaustive",
    "debugger_visualizer",
    "collapse_debuginfo",
    "unsafe",
    "naked",
    "coverage",
    "optimize",
    "rustfmt",
    "clippy",
    "bench",
];

/// Traits of the standard library's prelude and its common modules, named bare: never a
/// dependency's, whatever the file glob-imports.
pub(super) const STD_TRAITS: &[&str] = &[
    "Iterator",
    "IntoIterator",
    "DoubleEndedIterator",
    "ExactSizeIterator",
    "Extend",
    "FromIterator",
    "Default",
    "Clone",
    "Copy",
    "From",
    "Into",
    "TryFrom",
    "TryInto",
    "Drop",
    "Deref",
    "DerefMut",
    "AsRef",
    "AsMut",
    "Borrow",
    "PartialEq",
    "Eq",
    "PartialOrd",
    "Ord",
    "Hash",
    "Debug",
    "Display",
    "Error",
    "Future",
    "FromStr",
    "ToString",
    "Read",
    "Write",
    "Send",
    "Sync",
    "Fn",
    "FnMut",
    "FnOnce",
    "Index",
    "IndexMut",
    "Add",
    "Sub",
    "Mul",
    "Div",
    "Neg",
    "Not",
    "Sum",
    "Product",
];
