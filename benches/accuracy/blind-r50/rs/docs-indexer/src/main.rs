mod enrich;

use sqlx::postgres::PgPoolOptions;
use swiftide::indexing::loaders::FileLoader;
use swiftide::indexing::transformers::{ChunkMarkdown, Embed};
use swiftide::indexing::Pipeline;
use swiftide::integrations::openai::OpenAI;
use swiftide::integrations::qdrant::Qdrant;

use enrich::CatalogTagger;

/// Runs once per CI job; everything is created here and torn down at exit.
#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt::init();
    let docs_dir = std::env::args().nth(1).unwrap_or_else(|| "./docs".to_string());

    let pool = PgPoolOptions::new()
        .max_connections(4)
        .connect(&std::env::var("CATALOG_DATABASE_URL")?)
        .await?;

    let openai = OpenAI::builder()
        .default_embed_model("text-embedding-3-small")
        .build()?;

    let qdrant = Qdrant::builder()
        .batch_size(64)
        .vector_size(1536)
        .collection_name("product-docs")
        .build()?;

    Pipeline::from_loader(FileLoader::new(&docs_dir).with_extensions(&["md", "mdx"]))
        .then_chunk(ChunkMarkdown::from_chunk_range(120..1500))
        .then(CatalogTagger::new(pool.clone()))
        .then_in_batch(Embed::new(openai.clone()))
        .then_store_with(qdrant)
        .run()
        .await?;

    pool.close().await;
    println!("indexed {docs_dir} into product-docs");
    Ok(())
}
