use std::sync::LazyLock;

use delay_timer::prelude::*;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;

static REPORTS_DB: LazyLock<PgPool> = LazyLock::new(|| {
    PgPoolOptions::new().max_connections(4).connect_lazy(&crate::db::pooler_url()).expect("reports pool")
});

/// Nightly: refresh the revenue materialised views used by the finance dashboard.
pub fn task(id: u64) -> Result<Task, TaskError> {
    let body = || async {
        for view in ["mv_mrr_by_plan", "mv_churn_by_month", "mv_arpu"] {
            let sql = format!("REFRESH MATERIALIZED VIEW CONCURRENTLY {view}");
            if let Err(e) = sqlx::query(&sql).execute(&*REPORTS_DB).await {
                tracing::error!(%view, error = %e, "refresh failed");
            }
        }
    };
    TaskBuilder::default()
        .set_task_id(id)
        .set_frequency_repeated_by_cron_str("0 30 2 * * * *")
        .spawn_async_routine(body)
}
