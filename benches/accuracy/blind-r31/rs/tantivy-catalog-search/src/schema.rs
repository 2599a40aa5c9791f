use std::path::Path;

use tantivy::directory::MmapDirectory;
use tantivy::schema::{Field, Schema, FAST, INDEXED, STORED, STRING, TEXT};
use tantivy::{doc, Index, IndexWriter, TantivyDocument, Term};

use crate::db::ProductRow;

pub struct CatalogIndex {
    pub index: Index,
    id: Field,
    title: Field,
    description: Field,
    brand: Field,
    price: Field,
}

impl CatalogIndex {
    pub fn open(path: &Path) -> anyhow::Result<Self> {
        let mut builder = Schema::builder();
        let id = builder.add_i64_field("id", INDEXED | STORED | FAST);
        let title = builder.add_text_field("title", TEXT | STORED);
        let description = builder.add_text_field("description", TEXT);
        let brand = builder.add_text_field("brand", STRING | STORED);
        let price = builder.add_i64_field("price_cents", STORED | FAST);
        let schema = builder.build();
        std::fs::create_dir_all(path)?;
        let index = Index::open_or_create(MmapDirectory::open(path)?, schema)?;
        Ok(CatalogIndex { index, id, title, description, brand, price })
    }

    pub fn writer(&self) -> anyhow::Result<IndexWriter> {
        Ok(self.index.writer(64_000_000)?)
    }

    pub fn upsert(&self, writer: &IndexWriter, p: &ProductRow) -> anyhow::Result<()> {
        writer.delete_term(Term::from_field_i64(self.id, p.id));
        let document: TantivyDocument = doc!(
            self.id => p.id,
            self.title => p.title.as_str(),
            self.description => p.description.as_str(),
            self.brand => p.brand.as_str(),
            self.price => p.price_cents,
        );
        writer.add_document(document)?;
        Ok(())
    }
}
