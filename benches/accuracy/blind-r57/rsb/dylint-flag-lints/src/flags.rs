use std::env;
use std::time::Duration;

use clippy_utils::diagnostics::span_lint_and_help;
use rustc_ast::LitKind;
use rustc_hir::def_id::LOCAL_CRATE;
use rustc_hir::{Expr, ExprKind, QPath};
use rustc_lint::{LateContext, LateLintPass};
use rustc_session::{declare_lint, declare_lint_pass};

declare_lint! {
    /// ### What it does
    /// Checks that the literal key given to `flags::is_enabled` is registered
    /// in the flag service.
    ///
    /// ### Why is this bad?
    /// An unknown key silently evaluates to `false` in production.
    pub UNKNOWN_FEATURE_FLAG,
    Warn,
    "feature flag key is not registered in the flag service"
}

declare_lint_pass!(UnknownFeatureFlag => [UNKNOWN_FEATURE_FLAG]);

impl<'tcx> LateLintPass<'tcx> for UnknownFeatureFlag {
    fn check_expr(&mut self, cx: &LateContext<'tcx>, expr: &'tcx Expr<'tcx>) {
        let ExprKind::Call(callee, [arg, ..]) = expr.kind else { return };
        let ExprKind::Path(QPath::Resolved(_, path)) = callee.kind else { return };
        let Some(last) = path.segments.last() else { return };
        if last.ident.name.as_str() != "is_enabled" {
            return;
        }
        let ExprKind::Lit(lit) = arg.kind else { return };
        let LitKind::Str(sym, _) = lit.node else { return };
        let key = sym.as_str();

        match flag_exists(key) {
            Ok(true) => record_usage(cx, key),
            Ok(false) => span_lint_and_help(
                cx,
                UNKNOWN_FEATURE_FLAG,
                arg.span,
                format!("feature flag `{key}` is not registered"),
                None,
                "create the flag in the flag console or fix the typo",
            ),
            Err(err) => eprintln!("unknown_feature_flag: flag service unreachable: {err}"),
        }
    }
}

fn flag_exists(key: &str) -> reqwest::Result<bool> {
    let base = env::var("FLAG_SERVICE_URL")
        .unwrap_or_else(|_| "https://flags.internal.example.com".to_string());
    let client = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(3))
        .build()?;
    let resp = client.get(format!("{base}/api/v1/flags/{key}")).send()?;
    Ok(resp.status().is_success())
}

fn record_usage(cx: &LateContext<'_>, key: &str) {
    let Ok(url) = env::var("FLAG_USAGE_DATABASE_URL") else { return };
    let crate_name = cx.tcx.crate_name(LOCAL_CRATE);
    let Ok(mut db) = postgres::Client::connect(&url, postgres::NoTls) else { return };
    let _ = db.execute(
        "INSERT INTO flag_usages (flag_key, crate_name, seen_at) VALUES ($1, $2, now())
         ON CONFLICT (flag_key, crate_name) DO UPDATE SET seen_at = now()",
        &[&key, &crate_name.as_str()],
    );
}
