//! The declared type of a checkout's receiver, when nothing in the file builds it: a parameter
//! or a class field typed with a library's pool class (`pool: Pool` with `import { Pool } from
//! "pg"`, `db: pg.Pool`, `constructor(private readonly db: Pool)`), or with an alias of a pool's
//! type (`type Db = typeof pool`, in this file or imported from the project).

use super::*;

/// What a receiver's declared type says it is.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Declared {
    /// An instance of the catalogue entry the type names (its id).
    Entry(String),
    /// A type a project module exports (`import type { Db } from "./db"`): the module and the
    /// exported name, for the project pass to read (see `FileFacts::type_aliases`).
    Project(ModuleRef, String),
}

impl<'t> Walker<'_, 't> {
    /// The declared type of `object`, the receiver of a call at `at`: a parameter of an
    /// enclosing function (`db: Db`) or a field of the enclosing class (`this.db`).
    pub(super) fn declared_receiver(&self, at: At<'_, 't>, object: Node<'t>) -> Option<Declared> {
        let src = self.src;
        match object.kind_name() {
            "identifier" => {
                let name = text(object, src);
                if self.bindings.iter().any(|(_, n, _)| *n == name) {
                    return None;
                }
                let annotation = param_annotation(at, name, src)?;
                self.annotated(annotation)
            }
            "member_expression" => {
                let inner = field(object, "object").map(unwrap_value)?;
                if inner.kind_name() != "this" {
                    return None;
                }
                let prop = text(field(object, "property")?, src);
                let class = super::calls::enclosing_class(at, src)?;
                let ty = self.pre.receivers.field_class(&class, prop)?;
                self.type_named(ty, None)
            }
            _ => None,
        }
    }

    /// A type annotation (`: Pool`, `: pg.Pool`, `: Db`), when it names one type.
    fn annotated(&self, annotation: Node<'t>) -> Option<Declared> {
        let src = self.src;
        let ty = first_named(annotation)?;
        let ty = if ty.kind_name() == "generic_type" {
            field(ty, "name")?
        } else {
            ty
        };
        match ty.kind_name() {
            "type_identifier" => self.type_named(text(ty, src), None),
            // `pg.Pool`: a member of a namespace import.
            "nested_type_identifier" => {
                let module = field(ty, "module")?;
                let name = field(ty, "name")?;
                (module.kind_name() == "identifier")
                    .then(|| self.type_named(text(module, src), Some(text(name, src))))?
            }
            _ => None,
        }
    }

    /// The type `root` (`Pool`, `Db`), or its member `member` (`pg` + `Pool`).
    fn type_named(&self, root: &str, member: Option<&str>) -> Option<Declared> {
        if member.is_none()
            && let Some(value) = self.pre.type_of.get(root)
        {
            return self
                .instances
                .get(&canon(value))
                .map(|id| Declared::Entry(id.clone()));
        }
        let imp = self.pre.imports.get(root)?;
        let path = match member {
            Some(m) => format!("{}.{m}", imp.path),
            None => imp.path.clone(),
        };
        if let Some(local) = &imp.local {
            return (member.is_none() && !matches!(path.as_str(), "default" | "*"))
                .then(|| Declared::Project(local.clone(), path));
        }
        let m = self.catalog.match_js(&imp.module, &path, true)?;
        Some(Declared::Entry(m.client.id.clone()))
    }
}

/// The type annotation of parameter `name` of the nearest enclosing function declaring it (none
/// when that parameter has no type).
fn param_annotation<'t>(at: At<'_, 't>, name: &str, src: &str) -> Option<Node<'t>> {
    let mut cur = at;
    while let Some(up) = cur.up() {
        cur = up;
        let f = up.node;
        if !is_fn_kind(f.kind_name()) {
            continue;
        }
        if let Some(p) = field(f, "parameter") {
            if text(p, src) == name {
                return None;
            }
            continue;
        }
        let Some(params) = field(f, "parameters") else {
            continue;
        };
        for p in named_kids(params) {
            if !matches!(p.kind_name(), "required_parameter" | "optional_parameter") {
                continue;
            }
            if field(p, "pattern")
                .is_some_and(|x| x.kind_name() == "identifier" && text(x, src) == name)
            {
                return field(p, "type");
            }
        }
    }
    None
}
