use juniper::{graphql_object, EmptySubscription, FieldResult, GraphQLObject, RootNode};
use sqlx::PgPool;

use crate::{activity, db};

pub struct Context {
    pub pool: PgPool,
}

impl juniper::Context for Context {}

#[derive(GraphQLObject, sqlx::FromRow)]
pub struct Customer {
    pub id: i32,
    pub name: String,
    pub email: String,
    pub tier: String,
}

#[derive(GraphQLObject)]
pub struct Activity {
    pub kind: String,
    pub at: String,
}

pub struct Query;

#[graphql_object(context = Context)]
impl Query {
    async fn customer(ctx: &Context, id: i32) -> FieldResult<Option<Customer>> {
        let row = sqlx::query_as::<_, Customer>(
            "SELECT id, name, email, tier FROM customers WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&ctx.pool)
        .await?;
        Ok(row)
    }

    async fn activity(customer_id: i32, limit: Option<i32>) -> FieldResult<Vec<Activity>> {
        let events = activity::recent_events(customer_id, i64::from(limit.unwrap_or(20))).await?;
        Ok(events
            .into_iter()
            .map(|e| Activity { kind: e.kind, at: e.at })
            .collect())
    }
}

pub struct Mutation;

#[graphql_object(context = Context)]
impl Mutation {
    async fn upgrade_tier(id: i32, tier: String) -> FieldResult<Customer> {
        let pool = db::connect().await?;
        let customer = sqlx::query_as::<_, Customer>(
            "UPDATE customers SET tier = $2 WHERE id = $1 RETURNING id, name, email, tier",
        )
        .bind(id)
        .bind(&tier)
        .fetch_one(&pool)
        .await?;
        pool.close().await;
        Ok(customer)
    }
}

pub type Schema = RootNode<'static, Query, Mutation, EmptySubscription<Context>>;

pub fn create_schema() -> Schema {
    Schema::new(Query, Mutation, EmptySubscription::new())
}
