use rbatis::RBatis;
use rbdc_pg::driver::PgDriver;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct ShiftLine {
    pub picker: String,
    pub picked_lines: i64,
    pub short_picks: i64,
}

/// Shift reporting for leads. Keeps its own connections so that long report
/// queries cannot starve the picker commands.
pub struct Reports {
    rb: RBatis,
}

impl Reports {
    pub async fn open(url: &str) -> anyhow::Result<Self> {
        let rb = RBatis::new();
        rb.init(PgDriver {}, url)?;
        rb.get_pool()?.set_max_open_conns(4).await;
        Ok(Self { rb })
    }

    pub async fn current_shift(&self, warehouse: &str) -> anyhow::Result<Vec<ShiftLine>> {
        let rows: Vec<ShiftLine> = self
            .rb
            .query_decode(
                "SELECT p.login AS picker, count(*) AS picked_lines, \
                        count(*) FILTER (WHERE pl.qty_picked < pl.qty_ordered) AS short_picks \
                 FROM pick_lines pl JOIN pickers p ON p.id = pl.picker_id \
                 WHERE pl.warehouse = ? AND pl.picked_at >= date_trunc('day', now()) \
                 GROUP BY p.login ORDER BY picked_lines DESC",
                vec![rbs::to_value!(warehouse)],
            )
            .await?;
        Ok(rows)
    }
}
