use serde::Serialize;
use tuono_lib::{Props, Request, Response};

use crate::app::ApplicationState;

#[derive(Serialize, sqlx::FromRow)]
struct Product {
    sku: String,
    title: String,
    price_cents: i64,
    image_url: Option<String>,
}

#[derive(Serialize)]
struct HomeProps {
    featured: Vec<Product>,
    recommended: Vec<String>,
}

async fn recommended_skus(state: &ApplicationState, visitor: &str) -> Vec<String> {
    let url = format!("{}/v1/recommendations/{}", state.recommender_url, visitor);
    match state.fetch.get(&url).send().await {
        Ok(res) if res.status().is_success() => res.json::<Vec<String>>().await.unwrap_or_default(),
        Ok(res) => {
            tracing::warn!(status = %res.status(), "recommender returned an error");
            Vec::new()
        }
        Err(err) => {
            tracing::warn!(%err, "recommender unreachable");
            Vec::new()
        }
    }
}

#[tuono_lib::handler]
async fn get_server_side_props(req: Request, state: ApplicationState) -> Response {
    let visitor = req
        .headers
        .get("x-visitor-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("anonymous")
        .to_string();

    let featured = sqlx::query_as::<_, Product>(
        "SELECT sku, title, price_cents, image_url FROM products WHERE featured ORDER BY rank LIMIT 12",
    )
    .fetch_all(&state.db)
    .await
    .unwrap_or_default();

    let recommended = recommended_skus(&state, &visitor).await;

    Response::Props(Props::new(HomeProps {
        featured,
        recommended,
    }))
}
