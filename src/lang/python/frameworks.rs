//! Frameworks' registering decorators (the catalogue's `[[registration.decorators]]`) and the
//! classes a file derives from a framework's.

use super::*;

impl<'t> Pre<'t> {
    /// Is `func` (`hd.run`, `run` after `from hyperdiv import run`) one of the catalogue's
    /// `[registration] functions`, through the file's imports?
    pub(super) fn reg_function(&self, func: Node<'t>, src: &str) -> bool {
        dotted(func, src)
            .and_then(|segs| self.qualified(&segs))
            .is_some_and(|full| self.reg_functions.contains(&full))
    }

    /// A dotted name (`hd.run`, `environ.get`) written out through the file's absolute imports
    /// (`hyperdiv.run`, `os.environ.get`).
    pub(super) fn qualified(&self, segs: &[&str]) -> Option<String> {
        let (first, rest) = segs.split_first()?;
        let imp = self.imports.get(*first).filter(|i| i.level == 0)?;
        let mut full = imp.path.clone();
        for r in rest {
            full.push('.');
            full.push_str(r);
        }
        Some(full)
    }

    /// A method the catalogue's `[registration] methods` name, exactly or by a pattern
    /// (`subscribe_*`).
    pub(super) fn reg_method(&self, name: &str) -> bool {
        self.reg_methods.contains(name)
            || self
                .reg_methods
                .iter()
                .any(|m| m.contains('*') && crate::catalog::wildcard_match(m, name))
    }

    /// The catalogue framework (`[[registration.decorators]]`) whose registering decorator this
    /// is, by its dotted name (`["bot", "command"]`): the last name is one of the framework's,
    /// and the first is imported from its modules or built at module level from them.
    pub(super) fn framework_decorator(
        &self,
        segs: &[&str],
        src: &str,
    ) -> Option<&FrameworkDecoratorsDef> {
        let (first, last) = (*segs.first()?, *segs.last()?);
        self.reg_decorators.iter().find(|d| {
            let modules: Vec<&str> = d.modules.iter().map(String::as_str).collect();
            d.names.iter().any(|n| n == last)
                && (self.imported_from(first, &modules)
                    || (segs.len() >= 2 && self.built_from(first, &modules, src))
                    // An object a function of the file builds (`login_manager =
                    // LoginManager(app)` in `create_app`), in a file importing the framework.
                    || (segs.len() >= 2
                        && !self.consts.contains_key(first)
                        && !self.imports.contains_key(first)
                        && self.imports_from_module(&modules)))
        })
    }

    /// Is the module-level `name` built by a call of a class from `modules`, directly (`app =
    /// Dash(__name__)`) or through a class of the file deriving from one (`bot = GuildBot(…)`)?
    fn built_from(&self, name: &str, modules: &[&str], src: &str) -> bool {
        self.consts.get(name).is_some_and(|values| {
            values.iter().any(|v| {
                v.kind_name() == "call"
                    && v.field("function")
                        .and_then(|f| dotted(f, src))
                        .is_some_and(|segs| self.class_in(&segs, modules, src, 0))
            })
        })
    }

    /// Does the dotted name of a class (`commands.Bot`, `GuildBot`) come from `modules`, or
    /// name a class of the file with a base that does?
    fn class_in(&self, segs: &[&str], modules: &[&str], src: &str, depth: usize) -> bool {
        let Some(&first) = segs.first() else {
            return false;
        };
        self.imported_from(first, modules)
            || (segs.len() == 1
                && depth < 16
                && self.class_bases.get(first).is_some_and(|bases| {
                    bases.iter().any(|b| {
                        dotted(*b, src).is_some_and(|s| self.class_in(&s, modules, src, depth + 1))
                    })
                }))
    }

    /// The last names of the bases a module-level class inherits through other classes of the
    /// file (`ReportHandler(BaseHandler)` with `BaseHandler(tornado.web.RequestHandler)`:
    /// `RequestHandler`).
    pub(super) fn inherited_bases(&self, class: &str, src: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut todo: Vec<&str> = vec![class];
        let mut seen: HashSet<&str> = HashSet::default();
        while let Some(c) = todo.pop() {
            if !seen.insert(c) || seen.len() > 64 {
                continue;
            }
            for b in self.class_bases.get(c).into_iter().flatten() {
                if let Some(segs) = dotted(*b, src)
                    && let Some(&last) = segs.last()
                {
                    out.push(last.to_string());
                    if segs.len() == 1 {
                        todo.push(last);
                    }
                }
            }
        }
        out
    }
}

/// A decorator that registers what it decorates to run per request or event: a call given a
/// route path (`@app.get("/")`, `@router.post("/orders")`) or a catalogue registration method
/// (`@bus.on("order")`, `@client.event`).
pub(super) fn registering_decorator(pre: &Pre<'_>, decorator: Node<'_>, src: &str) -> bool {
    let Some(e) = decorator.named_child(0) else {
        return false;
    };
    let (func, call) = match e.kind_name() {
        "call" => (e.field("function"), Some(e)),
        _ => (Some(e), None),
    };
    let last = func
        .and_then(|f| dotted(f, src))
        .and_then(|segs| (segs.len() >= 2).then(|| segs[segs.len() - 1]));
    let route = call.is_some_and(|c| {
        call_args(c)
            .0
            .first()
            .filter(|a| a.kind_name() == "string")
            .is_some_and(|a| {
                text(*a, src)
                    .trim_start_matches(['r', 'f', 'b', 'u', '"', '\''])
                    .starts_with('/')
            })
    });
    route || last.is_some_and(|l| pre.reg_method(l))
}

/// Does the project depend on the entry's library, or the file import one of its modules?
pub(super) fn library_used(def: &ClientDef, pre: &Pre, file: &SourceFile) -> bool {
    let project = &file.project;
    if project.has_dep(&def.library) {
        return true;
    }
    def.modules.iter().any(|m| {
        let top = m.split('.').next().unwrap_or(m);
        // `psycopg2-binary`; `psycopg[pool]` for `psycopg_pool`.
        let base = top.split('_').next().unwrap_or(top);
        project.has_dep(top)
            || project.has_dep(&format!("{top}-binary"))
            || project.has_dep(base)
            || pre
                .imports
                .values()
                .any(|imp| imp.level == 0 && imp.path.split('.').next() == Some(top))
            || pre
                .wildcard
                .iter()
                .any(|w| w.split('.').next() == Some(top))
    })
}
