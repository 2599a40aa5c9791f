//! Unit tests of this front-end, by concern; shared helpers here.

use super::*;
use crate::project::Project;
use std::sync::Arc;

fn facts(rel: &str, deps: &[&str], text: &str) -> FileFacts {
    let project = Arc::new(Project::with_deps(deps));
    let file = SourceFile::in_memory(rel, text, project).expect("known extension");
    extract(&file, &crate::catalog::Catalog::shared().js).expect("extracts")
}

/// As [`facts`], with some dependencies taken from the same repository (`workspace:^`).
fn facts_with(rel: &str, deps: &[&str], workspace: &[&str], text: &str) -> FileFacts {
    let mut project = Project::with_deps(deps);
    for w in workspace {
        project.deps.insert((*w).to_string());
        project.workspace_deps.insert((*w).to_string());
    }
    let file = SourceFile::in_memory(rel, text, Arc::new(project)).expect("known extension");
    extract(&file, &crate::catalog::Catalog::shared().js).expect("extracts")
}

fn one_client(f: &FileFacts) -> &ClientSite {
    assert_eq!(f.clients.len(), 1, "{:#?}", f.clients);
    &f.clients[0]
}

#[test]
fn both_grammars_load() {
    assert!(parses_cleanly(Lang::Ts, "const x: number = 1;"));
    assert!(parses_cleanly(Lang::Tsx, "const x = <div>{1}</div>;"));
    assert!(parses_cleanly(Lang::Js, "const x = <div/>;"));
    assert!(!parses_cleanly(Lang::Ts, "const = ;"));
}

mod calls;
mod effects;
mod inferred;
mod options;
mod roots;
mod scopes;
mod sessions;

#[test]
fn import_specifiers_found_without_parsing() {
    // (Type-only imports and re-exports load nothing: TypeScript erases them.)
    let text = r#"import { prisma } from "@/prisma/client";
import type { X } from '../types';
import { helper } from "../helpers";
export type { Y } from "./erased";
import "./side-effect";
const db = require( "./db" );
const lazy = await import('./lazy');
export * from "./reexported";
const s = "from";
call("not-an-import");
myrequire("./nope");
"#;
    assert_eq!(
        super::scan_import_specifiers(text),
        vec![
            "@/prisma/client",
            "../helpers",
            "./side-effect",
            "./db",
            "./lazy",
            "./reexported"
        ]
    );
}

#[test]
fn field_ids_cached_per_grammar_match_field_names() {
    let text = "const a = <div onClick={() => f(x)}>{y}</div>;\nfunction g(p: number) { return p + 1; }\nclass C { m() { this.x = new Pool({ max: 5 }); } }\n";
    for lang in [Lang::Tsx, Lang::Ts, Lang::Tsx] {
        let src = if lang == Lang::Ts {
            &text[text.find('\n').unwrap_or(0) + 1..]
        } else {
            text
        };
        let tree = super::parse(lang, src).unwrap();
        let mut checked = 0;
        super::syntax::traverse(tree.root_node(), |at, entering| {
            if !entering {
                return;
            }
            for name in [
                "function",
                "arguments",
                "body",
                "name",
                "value",
                "left",
                "right",
                "object",
                "property",
                "parameters",
                "attribute",
                "open_tag",
            ] {
                let a = super::syntax::field(at.node, name).map(|n| n.id());
                let b = at.node.child_by_field_name(name).map(|n| n.id());
                assert_eq!(a, b, "{name} on {}", at.node.kind_name());
                checked += usize::from(a.is_some());
            }
        });
        assert!(checked > 10);
    }
}
