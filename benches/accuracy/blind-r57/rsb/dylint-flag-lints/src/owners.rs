use std::collections::HashSet;
use std::env;

use clippy_utils::diagnostics::span_lint;
use rustc_hir::def_id::LOCAL_CRATE;
use rustc_hir::{Item, ItemKind};
use rustc_lint::{LateContext, LateLintPass};
use rustc_session::{declare_lint, impl_lint_pass};

declare_lint! {
    /// ### What it does
    /// Checks that every top-level module of the crate has an owning team in
    /// the ownership registry.
    pub MISSING_CODE_OWNER,
    Warn,
    "module has no owning team in the ownership registry"
}

#[derive(Default)]
pub struct MissingCodeOwner {
    /// `crate::module` paths that have an owner, loaded once per crate.
    owned: Option<HashSet<String>>,
}

impl_lint_pass!(MissingCodeOwner => [MISSING_CODE_OWNER]);

impl MissingCodeOwner {
    /// Runs once per compiled crate: one connection, one query, closed.
    fn load_registry(crate_name: &str) -> Option<HashSet<String>> {
        let url = env::var("OWNERSHIP_DATABASE_URL").ok()?;
        let mut db = postgres::Client::connect(&url, postgres::NoTls).ok()?;
        let rows = db
            .query("SELECT module_path FROM module_owners WHERE crate_name = $1", &[&crate_name])
            .ok()?;
        let owned = rows.iter().map(|r| r.get::<_, String>(0)).collect();
        let _ = db.close();
        Some(owned)
    }
}

impl<'tcx> LateLintPass<'tcx> for MissingCodeOwner {
    fn check_crate(&mut self, cx: &LateContext<'tcx>) {
        let crate_name = cx.tcx.crate_name(LOCAL_CRATE);
        self.owned = Self::load_registry(crate_name.as_str());
    }

    fn check_item(&mut self, cx: &LateContext<'tcx>, item: &'tcx Item<'tcx>) {
        let Some(owned) = &self.owned else { return };
        if !matches!(item.kind, ItemKind::Mod(..)) {
            return;
        }
        // only top-level modules (parent is the crate root)
        if !cx.tcx.parent_module_from_def_id(item.owner_id.def_id).is_top_level_module() {
            return;
        }
        let path = format!("{}::{}", cx.tcx.crate_name(LOCAL_CRATE), item.ident.name);
        if !owned.contains(&path) {
            span_lint(cx, MISSING_CODE_OWNER, item.span, format!("module `{path}` has no owning team"));
        }
    }
}
