pub mod notes {
    use loco_rs::prelude::*;
    use sea_orm::QueryOrder;
    use serde::Deserialize;

    use crate::models::notes;

    #[derive(Deserialize)]
    pub struct NoteParams {
        pub title: String,
        pub content: Option<String>,
    }

    pub async fn list(State(ctx): State<AppContext>) -> Result<Response> {
        let items = notes::Entity::find()
            .order_by_desc(notes::Column::Id)
            .all(&ctx.db)
            .await?;
        format::json(items)
    }

    pub async fn add(State(ctx): State<AppContext>, Json(params): Json<NoteParams>) -> Result<Response> {
        let item = notes::ActiveModel {
            title: Set(params.title),
            content: Set(params.content),
            ..Default::default()
        };
        format::json(item.insert(&ctx.db).await?)
    }

    pub async fn remove(Path(id): Path<i32>, State(ctx): State<AppContext>) -> Result<Response> {
        notes::Entity::delete_by_id(id).exec(&ctx.db).await?;
        format::empty()
    }

    pub fn routes() -> Routes {
        Routes::new()
            .prefix("api/notes/")
            .add("/", get(list))
            .add("/", post(add))
            .add("/:id", delete(remove))
    }
}

pub mod usage {
    use loco_rs::prelude::*;
    use sea_orm::{DbBackend, FromQueryResult, Statement};
    use serde::Serialize;

    use crate::tenants;

    #[derive(Debug, FromQueryResult, Serialize)]
    struct UsageRow {
        day: String,
        requests: i64,
    }

    /// Usage numbers live in each enterprise tenant's own reporting database.
    pub async fn usage(Path(tenant): Path<String>, State(_ctx): State<AppContext>) -> Result<Response> {
        let db = tenants::connection(&tenant).await?;
        let rows = UsageRow::find_by_statement(Statement::from_string(
            DbBackend::Postgres,
            "SELECT day::text AS day, requests FROM daily_usage ORDER BY day DESC LIMIT 30",
        ))
        .all(&db)
        .await?;
        format::json(rows)
    }

    pub fn routes() -> Routes {
        Routes::new()
            .prefix("api/tenants/")
            .add("/:tenant/usage", get(usage))
    }
}
