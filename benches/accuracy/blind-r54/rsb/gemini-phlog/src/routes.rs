//! Route handlers. northstar calls the matching handler once per Gemini request.

use anyhow::Result;
use futures::future::BoxFuture;
use futures::FutureExt;
use northstar::document::HeadingLevel::{H1, H2};
use northstar::{Document, Request, Response};

use crate::db::{self, Post};
use crate::stats;

fn add_post_links(doc: &mut Document, posts: &[Post]) {
    for p in posts {
        let label = format!(
            "{} {} ({})",
            p.published_at.format("%Y-%m-%d"),
            p.title,
            p.author
        );
        doc.add_link(format!("/post/{}", p.id).as_str(), label);
    }
}

pub fn index(request: Request) -> BoxFuture<'static, Result<Response>> {
    async move {
        let pool = db::connect().await?;
        let posts = db::latest_posts(&pool, 20).await?;
        let hits = stats::count_hit(&stats::slug(&request.path_segments()))
            .await
            .unwrap_or(0);

        let mut doc = Document::new();
        doc.add_heading(H1, "Hillside Phlog");
        doc.add_blank_line();
        add_post_links(&mut doc, &posts);
        doc.add_blank_line();
        doc.add_link("/search", "Search the archive");
        doc.add_text(&stats::footer(hits));
        Ok(Response::document(doc))
    }
    .boxed()
}

pub fn post(request: Request) -> BoxFuture<'static, Result<Response>> {
    async move {
        let id: i64 = match request.path_segments().last().and_then(|s| s.parse().ok()) {
            Some(id) => id,
            None => return Ok(Response::not_found()),
        };
        let pool = db::shared().await?;
        let Some(post) = db::post_by_id(pool, id).await? else {
            return Ok(Response::not_found());
        };
        let hits = stats::count_hit(&format!("post/{}", id)).await.unwrap_or(0);

        let mut doc = Document::new();
        doc.add_heading(H1, post.title.as_str());
        doc.add_text(&format!(
            "by {} on {}",
            post.author,
            post.published_at.format("%Y-%m-%d")
        ));
        doc.add_blank_line();
        for line in post.body.lines() {
            doc.add_text(line);
        }
        doc.add_blank_line();
        doc.add_link("/", "Back to the index");
        doc.add_text(&stats::footer(hits));
        Ok(Response::document(doc))
    }
    .boxed()
}

pub fn search(request: Request) -> BoxFuture<'static, Result<Response>> {
    async move {
        let Some(terms) = request.input().map(str::to_owned) else {
            return Ok(Response::input_lossy("Search the phlog"));
        };
        let pool = db::connect().await?;
        let posts = db::search(&pool, &terms).await?;

        let mut doc = Document::new();
        doc.add_heading(H2, format!("Results for \"{}\"", terms).as_str());
        doc.add_blank_line();
        if posts.is_empty() {
            doc.add_text("Nothing matched.");
        } else {
            add_post_links(&mut doc, &posts);
        }
        doc.add_blank_line();
        doc.add_link("/", "Back to the index");
        Ok(Response::document(doc))
    }
    .boxed()
}
