//! Language front-ends: parse one file, emit [`FileFacts`]. They know syntax and frameworks,
//! nothing about rules.

pub mod budget;
pub mod dotenv;
pub mod flat;
pub mod inferred;
pub mod modules;
pub mod nesting;
pub mod python;
pub mod rust;
#[cfg(test)]
pub(crate) mod testkit;
pub mod typescript;

/// The longest a tree-sitter parse may run where no file budget applies ([`budget::Deadline`]
/// bounds it otherwise). Ordinary files parse in milliseconds; some pathological nestings
/// (`lambda: await lambda: …` forty thousand deep) send the parser's error recovery into
/// quadratic time, tens of minutes for one file.
pub(crate) const PARSE_BUDGET: std::time::Duration = std::time::Duration::from_secs(10);

/// Parse `text` with `parser`, giving up past the file's budget (the file is then listed as
/// over it, as a walk over it would be) or [`PARSE_BUDGET`]; a parser that gave up is reset so
/// that it starts the next file afresh.
pub(crate) fn parse_bounded(
    parser: &mut tree_sitter::Parser,
    text: &str,
) -> Option<tree_sitter::Tree> {
    let bytes = text.as_bytes();
    let started = std::time::Instant::now();
    let deadline = started + PARSE_BUDGET;
    let mut progress = |_: &tree_sitter::ParseState| {
        let now = std::time::Instant::now();
        // (The file's budget is consulted once the parse has run a while, as the walks consult
        // it every few hundred nodes: a parse of milliseconds is never cut.)
        if now > deadline
            || (now.duration_since(started) > std::time::Duration::from_millis(100)
                && budget::over())
        {
            std::ops::ControlFlow::Break(())
        } else {
            std::ops::ControlFlow::Continue(())
        }
    };
    let options = tree_sitter::ParseOptions::new().progress_callback(&mut progress);
    let tree = parser.parse_with_options(
        &mut |i, _| bytes.get(i..).unwrap_or_default(),
        None,
        Some(options),
    );
    if tree.is_none() {
        parser.reset();
        budget::check_now();
    }
    tree
}

use crate::catalog::Catalog;
use crate::facts::{FileFacts, ModuleRef};
use crate::source::{Lang, SourceFile, Span};

/// A file the front-end could not read at all (a Rust file `syn` rejects, a grammar that
/// failed to load). Files with recoverable syntax errors yield partial facts instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub message: String,
    pub span: Option<Span>,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Python files indented deeper than this are not parsed: tree-sitter-python's external scanner
/// keeps the indentation stack in a fixed buffer and *aborts the process* (a C assertion, which
/// cannot be caught) when about 500 levels overflow it. Real code stays far below.
pub const MAX_PY_INDENT_LEVELS: usize = 250;

/// The stack of the threads that parse: `syn`'s parser and our visitors recurse once per level
/// of Rust syntax, and [`unparsable`] keeps Rust files within what this stack holds. Only the
/// pages a parse touches are ever committed.
pub const WORKER_STACK: usize = 256 * 1024 * 1024;

/// The deepest Rust nesting given to `syn`, derived from [`WORKER_STACK`].
pub const MAX_RS_NESTING: usize = nesting::rust_limit(WORKER_STACK);

/// Why a text cannot be given to its parser at all (checked before parsing), if it cannot.
pub fn unparsable(lang: Lang, text: &str) -> Option<String> {
    if lang == Lang::Py {
        let depth = nesting::py_indent_depth(text);
        if depth > MAX_PY_INDENT_LEVELS {
            return Some(format!(
                "skipped: indented {depth} levels deep (the limit is {MAX_PY_INDENT_LEVELS})"
            ));
        }
    }
    if lang == Lang::Rs {
        let deepest = nesting::rust_depth(text);
        if deepest.depth > MAX_RS_NESTING {
            let line = 1 + text.as_bytes()[..deepest.offset.min(text.len())]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            return Some(format!(
                "skipped: nesting deeper than {MAX_RS_NESTING} levels at line {line} (about {} levels)",
                deepest.depth
            ));
        }
    }
    None
}

/// Mark the files application code imports where that changes what they are (a client module
/// in a top-level `prisma/` folder is app code when a route imports it, a script otherwise).
pub fn imported_by_app(sources: &[SourceFile]) -> Vec<bool> {
    typescript::imported_by_app(sources, |s| scan_imports(s).unwrap_or_default())
}

/// The project modules a file imports, read from its text without parsing (TS/JS import
/// specifiers, Python `import` / `from … import` lines), for the prefilter's later rounds;
/// `None` when the language is not scanned this way (Rust, dotenv). Over-inclusive: a line
/// that looks like an import counts.
pub fn scan_imports(source: &SourceFile) -> Option<Vec<ModuleRef>> {
    // A file whose text was let go kept what the scan found.
    if let Some(d) = &source.deferred {
        return Some(
            d.imports
                .iter()
                .map(|c| ModuleRef {
                    candidates: c.clone(),
                })
                .collect(),
        );
    }
    scan_imports_of(
        source.lang,
        &source.rel,
        &source.text,
        &source.project.ts_paths,
    )
}

/// [`scan_imports`] of a text not yet made a [`SourceFile`] (`rel`: its path in its project).
/// `aliases`: the project's tsconfig path aliases ([`crate::project::Project::ts_paths`]).
pub fn scan_imports_of(
    lang: Lang,
    rel: &str,
    text: &str,
    aliases: &[(String, Vec<String>)],
) -> Option<Vec<ModuleRef>> {
    match lang {
        Lang::Ts | Lang::Tsx | Lang::Js => Some(
            typescript::scan_import_specifiers(text)
                .into_iter()
                .filter_map(|spec| modules::js_module(rel, spec, aliases, |_| false))
                .collect(),
        ),
        Lang::Py => Some(python::scan_imports(rel, text)),
        Lang::Rs | Lang::Env => None,
    }
}

/// `n.child_by_field_name(name)`, fast: tree-sitter looks a field name up with a linear string
/// compare on every call (3-8 % of a run's CPU); here each name's id is looked up once per
/// grammar and thread, keyed by the address of the name: a `&'static str` never moves and its
/// bytes never change, so one address and length is one name.
pub(crate) fn field<'t>(
    n: tree_sitter::Node<'t>,
    name: &'static str,
) -> Option<tree_sitter::Node<'t>> {
    /// One grammar's field ids by the address and length of a name (`None`: not a field of
    /// that grammar).
    type FieldIds = foldhash::HashMap<(usize, usize), Option<u16>>;
    thread_local! {
        static FIELD_IDS: std::cell::RefCell<Vec<(usize, FieldIds)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    let lang = n.language();
    // Grammars differ in their number of node kinds (TypeScript, TSX, Python); ABI 14 grammars
    // have no name to tell them apart by.
    let grammar = lang.node_kind_count();
    let key = (name.as_ptr() as usize, name.len());
    let id = FIELD_IDS.with(|cell| {
        let mut langs = cell.borrow_mut();
        let pos = match langs.iter().position(|(l, _)| *l == grammar) {
            Some(p) => p,
            None => {
                langs.push((grammar, FieldIds::default()));
                langs.len() - 1
            }
        };
        *langs[pos]
            .1
            .entry(key)
            .or_insert_with(|| lang.field_id_for_name(name).map(|f| f.get()))
    })?;
    n.child_by_field_id(id)
}

/// `n.kind()`, fast: tree-sitter's `kind()` measures and validates the kind's C string on every
/// call (4 % of a run's CPU, from the many kind tests of the analyses); here each grammar's names
/// are tabled by kind id once per process ([`kind_table`]).
pub(crate) fn kind_name<'t>(n: tree_sitter::Node<'t>) -> &'t str {
    match kind_table(n).get(usize::from(n.kind_id())) {
        Some((name, _)) => name,
        // ERROR and the other built-in symbols sit above the grammar's own ids.
        None => n.kind(),
    }
}

/// One grammar's node kinds by kind id: the name, and whether the kind is named.
pub(crate) type KindTable = &'static [(&'static str, bool)];

/// The kind table of `n`'s grammar (known by its number of kinds: TypeScript, TSX and Python
/// differ), made once per process: a few hundred short names per grammar, kept for the run.
/// Each thread keeps the last table it used.
pub(crate) fn kind_table(n: tree_sitter::Node<'_>) -> KindTable {
    thread_local! {
        static LAST: std::cell::Cell<(usize, KindTable)> = const { std::cell::Cell::new((0, &[])) };
    }
    static TABLES: std::sync::RwLock<Vec<(usize, KindTable)>> = std::sync::RwLock::new(Vec::new());
    let lang = n.language();
    let grammar = lang.node_kind_count();
    let (last, table) = LAST.get();
    if last == grammar {
        return table;
    }
    let find =
        |tables: &[(usize, KindTable)]| tables.iter().find(|(g, _)| *g == grammar).map(|(_, t)| *t);
    let found = TABLES.read().ok().and_then(|tables| find(&tables));
    let table = match found {
        Some(t) => t,
        None => {
            let Ok(mut tables) = TABLES.write() else {
                return &[];
            };
            match find(&tables) {
                Some(t) => t,
                None => {
                    let kinds: Vec<(&'static str, bool)> = (0..grammar)
                        .map(|id| {
                            let id = u16::try_from(id).ok();
                            let name = id.and_then(|id| lang.node_kind_for_id(id)).unwrap_or("");
                            let named = id.is_some_and(|id| lang.node_kind_is_named(id));
                            (&*Box::leak(Box::<str>::from(name)), named)
                        })
                        .collect();
                    let t: KindTable = Box::leak(kinds.into_boxed_slice());
                    tables.push((grammar, t));
                    t
                }
            }
        }
    };
    LAST.set((grammar, table));
    table
}

/// `node.kind_name()`: [`kind_name`] as a method.
pub(crate) trait KindExt<'t> {
    fn kind_name(&self) -> &'t str;
}

impl<'t> KindExt<'t> for tree_sitter::Node<'t> {
    fn kind_name(&self) -> &'t str {
        kind_name(*self)
    }
}

/// `node.field("name")`: [`field`] as a method.
pub(crate) trait FieldExt<'t> {
    fn field(&self, name: &'static str) -> Option<tree_sitter::Node<'t>>;
}

impl<'t> FieldExt<'t> for tree_sitter::Node<'t> {
    fn field(&self, name: &'static str) -> Option<tree_sitter::Node<'t>> {
        field(*self, name)
    }
}

/// Parse a file and nothing more (the benchmarks' parse floor): does it parse cleanly?
/// With `walk`, the tree is also walked once into the node array every extraction starts with
/// (the floor of a check that reads each parsed node once).
pub fn parse_only(lang: Lang, text: &str, walk: bool) -> bool {
    let tree = match lang {
        Lang::Ts | Lang::Tsx | Lang::Js => typescript::parse(lang, text).ok(),
        Lang::Py => python::parse(text).ok(),
        Lang::Rs => return syn::parse_file(text).is_ok(),
        Lang::Env => return true,
    };
    let Some(tree) = tree else {
        return false;
    };
    if walk {
        let flat = flat::Flat::new(tree.root_node());
        std::hint::black_box(&flat);
    }
    !tree.root_node().has_error()
}

/// Extract the facts of one file with the front-end of its language.
pub fn extract(file: &SourceFile, catalog: &Catalog) -> Result<FileFacts, ParseError> {
    if let Some(message) = unparsable(file.lang, &file.text) {
        return Err(ParseError {
            message,
            span: None,
        });
    }
    let mut facts = match file.lang {
        Lang::Ts | Lang::Tsx | Lang::Js => typescript::extract(file, &catalog.js)?,
        Lang::Py => python::extract(file, &catalog.py)?,
        Lang::Rs => rust::extract(file, &catalog.rs)?,
        Lang::Env => dotenv::extract(file, &catalog.rs.url_schemes)?,
    };
    if facts.module_keys.is_empty() {
        facts.module_keys = modules::module_keys(&file.rel, file.lang);
    }
    // Looked up by binary search (`FileFacts::client_config`); stable, so the first of a
    // client's configurations stays first.
    facts.client_configs.sort_by_key(|c| c.client);
    Ok(facts)
}

/// Does the file parse without errors? Used to verify fixes before writing them.
pub fn parses_cleanly(lang: Lang, text: &str) -> bool {
    if unparsable(lang, text).is_some() {
        return false;
    }
    match lang {
        Lang::Ts | Lang::Tsx | Lang::Js => typescript::parses_cleanly(lang, text),
        Lang::Py => python::parses_cleanly(text),
        Lang::Rs => {
            let ok = syn::parse_file(text).is_ok();
            proc_macro2::extra::invalidate_current_thread_spans();
            ok
        }
        Lang::Env => true,
    }
}

/// A file that runs as a process of its own and that no module imports (the caller checks that):
/// a JS/TS module that exports nothing (`main().finally(() => prisma.$disconnect())`, outside a
/// Next.js app whose pages and routes all run in one server), a Python module with an
/// `if __name__ == "__main__":` block, or a Rust binary under `src/bin/`.
pub fn is_entry_script(source: &SourceFile) -> bool {
    if let Some(known) = source.entry_script {
        return known;
    }
    let text = source.text.as_ref();
    match source.lang {
        Lang::Ts | Lang::Tsx | Lang::Js => {
            !source.project.nextjs
                && !text.contains("export ")
                && !text.contains("module.exports")
                && !text.contains("exports.")
        }
        Lang::Py => {
            text.contains("if __name__ == \"__main__\"")
                || text.contains("if __name__ == '__main__'")
        }
        Lang::Rs => is_rust_bin_root(&source.rel.replace('\\', "/")),
        Lang::Env => false,
    }
}

/// The root file of a Rust binary: `src/bin/NAME.rs` or `src/bin/NAME/main.rs` (not the modules
/// beside it in `src/bin/NAME/`, which belong to that binary's process like a crate's modules).
fn is_rust_bin_root(rel: &str) -> bool {
    let Some(i) = rel.find("src/bin/") else {
        return false;
    };
    if i > 0 && rel.as_bytes().get(i - 1) != Some(&b'/') {
        return false;
    }
    match rel[i + "src/bin/".len()..].split_once('/') {
        None => true,
        Some((_, rest)) => rest == "main.rs",
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn rust_binary_roots() {
        assert!(is_rust_bin_root("src/bin/worker.rs"));
        assert!(is_rust_bin_root("src/bin/worker/main.rs"));
        assert!(is_rust_bin_root("crates/api/src/bin/worker/main.rs"));
        assert!(!is_rust_bin_root("src/bin/worker/db.rs"));
        assert!(!is_rust_bin_root("src/bin/worker/routes/mod.rs"));
        assert!(!is_rust_bin_root("src/main.rs"));
    }

    /// The kind tables give what tree-sitter gives, on every node of TypeScript, TSX and Python
    /// trees taken in turn (each grammar its own table; aliases and ERROR nodes included).
    #[test]
    fn kind_names_match_tree_sitter_across_grammars() {
        let ts = "import { a as b } from 'x';\nclass C<T> { p = 1; m(): T { return this.p as T } }\nlet = (;\n";
        let tsx = "const o = { a, b: 2, [c]: `${d}` };\nexport default function F() { return <div className={o.a}>{b}</div> }\n";
        let py = "def f(a, b=1):\n    return [x for x in b]\nclass C(\n";
        let grammars: [(tree_sitter::Language, &str); 3] = [
            (tree_sitter_typescript::LANGUAGE_TYPESCRIPT.into(), ts),
            (tree_sitter_typescript::LANGUAGE_TSX.into(), tsx),
            (tree_sitter_python::LANGUAGE.into(), py),
        ];
        let counts: std::collections::HashSet<usize> =
            grammars.iter().map(|(l, _)| l.node_kind_count()).collect();
        assert_eq!(
            counts.len(),
            3,
            "grammars are told apart by their kind counts"
        );
        let mut errors = 0;
        for _ in 0..2 {
            for (language, src) in &grammars {
                let mut parser = tree_sitter::Parser::new();
                parser.set_language(language).unwrap();
                let tree = parser.parse(src, None).unwrap();
                let mut cursor = tree.walk();
                let mut stack = vec![tree.root_node()];
                while let Some(n) = stack.pop() {
                    assert_eq!(kind_name(n), n.kind(), "kind id {}", n.kind_id());
                    if let Some((_, named)) = kind_table(n).get(usize::from(n.kind_id())) {
                        assert_eq!(*named, n.is_named(), "{}", n.kind());
                    }
                    errors += usize::from(n.is_error());
                    stack.extend(n.children(&mut cursor));
                }
            }
        }
        assert!(errors > 0);
    }

    fn nested_ifs(n: usize) -> String {
        let mut s = String::from("def f():\n");
        for i in 0..n {
            s.push_str(&format!("{}if x:\n", "    ".repeat(i + 1)));
        }
        s.push_str(&format!("{}pass\n", "    ".repeat(n + 1)));
        s
    }

    #[test]
    fn python_indentation_depth_is_checked_before_parsing() {
        assert!(unparsable(Lang::Py, &nested_ifs(100)).is_none());
        // 600 levels used to abort the whole process inside tree-sitter's scanner.
        let deep = nested_ifs(600);
        let why = unparsable(Lang::Py, &deep).unwrap();
        assert!(why.contains("601 levels"), "{why}");
        assert!(!parses_cleanly(Lang::Py, &deep));
        assert!(unparsable(Lang::Ts, &deep).is_none());
    }

    #[test]
    fn rust_nesting_is_measured_before_syn_sees_it() {
        let deep = format!(
            "fn main() {{}}\ntype T = {}u8{};",
            "Vec<".repeat(MAX_RS_NESTING),
            ">".repeat(MAX_RS_NESTING)
        );
        let why = unparsable(Lang::Rs, &deep).unwrap();
        assert!(
            why.contains(&format!("deeper than {MAX_RS_NESTING} levels at line 2")),
            "{why}"
        );
        let closures = format!(
            "fn main() {{ let f = {}1; }}",
            "|| ".repeat(MAX_RS_NESTING + 1)
        );
        assert!(unparsable(Lang::Rs, &closures).is_some());
        let ok = format!(
            "fn main() {{ let x = {}1{}; }}",
            "(".repeat(MAX_RS_NESTING / 2),
            ")".repeat(MAX_RS_NESTING / 2)
        );
        assert_eq!(unparsable(Lang::Rs, &ok), None);
    }
}
