use std::sync::LazyLock;
use std::time::Duration;

use async_graphql::{Context, EmptySubscription, Object, Result, Schema, SimpleObject};
use sqlx::PgPool;

pub type AppSchema = Schema<QueryRoot, MutationRoot, EmptySubscription>;

/// Shared HTTP client for the cover-art service; built on first use.
static COVERS: LazyLock<reqwest::Client> = LazyLock::new(|| {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(3))
        .build()
        .expect("cover client")
});

#[derive(SimpleObject, sqlx::FromRow, Clone)]
pub struct Book {
    pub id: i64,
    pub title: String,
    pub author: String,
    pub isbn: Option<String>,
}

#[derive(serde::Deserialize)]
struct CoverResponse {
    url: String,
}

pub struct QueryRoot;

#[Object]
impl QueryRoot {
    async fn book(&self, ctx: &Context<'_>, id: i64) -> Result<Option<Book>> {
        let pool = ctx.data::<PgPool>()?;
        let book = sqlx::query_as::<_, Book>("SELECT id, title, author, isbn FROM books WHERE id = $1")
            .bind(id)
            .fetch_optional(pool)
            .await?;
        Ok(book)
    }

    async fn books_by_author(&self, ctx: &Context<'_>, author: String) -> Result<Vec<Book>> {
        let pool = ctx.data::<PgPool>()?;
        let mut conn = pool.acquire().await?;
        let books = sqlx::query_as::<_, Book>(
            "SELECT id, title, author, isbn FROM books WHERE author ILIKE $1 ORDER BY title",
        )
        .bind(format!("%{author}%"))
        .fetch_all(&mut *conn)
        .await?;
        Ok(books)
    }

    async fn cover_url(&self, isbn: String) -> Result<Option<String>> {
        let resp = COVERS
            .get(format!("https://covers.example.org/api/isbn/{isbn}"))
            .send()
            .await?;
        if !resp.status().is_success() {
            return Ok(None);
        }
        Ok(Some(resp.json::<CoverResponse>().await?.url))
    }
}

pub struct MutationRoot;

#[Object]
impl MutationRoot {
    async fn add_book(
        &self,
        ctx: &Context<'_>,
        title: String,
        author: String,
        isbn: Option<String>,
    ) -> Result<Book> {
        let pool = ctx.data::<PgPool>()?;
        let mut tx = pool.begin().await?;
        let book = sqlx::query_as::<_, Book>(
            "INSERT INTO books (title, author, isbn) VALUES ($1, $2, $3) \
             RETURNING id, title, author, isbn",
        )
        .bind(&title)
        .bind(&author)
        .bind(&isbn)
        .fetch_one(&mut *tx)
        .await?;
        sqlx::query("INSERT INTO audit_log (action, book_id) VALUES ('add_book', $1)")
            .bind(book.id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(book)
    }
}
