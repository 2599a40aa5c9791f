//! Loads glossary terms once per build (one database connection, one HTTP
//! request), then rewrites every chapter in memory.

use mdbook::book::{Book, BookItem};
use mdbook::errors::Error;
use mdbook::preprocess::{Preprocessor, PreprocessorContext};
use postgres::{Client, NoTls};
use regex::Regex;
use serde::Deserialize;

pub struct Glossary;

struct Term {
    pattern: Regex,
    slug: String,
}

#[derive(Deserialize)]
struct Deprecated {
    terms: Vec<String>,
}

fn load_terms(url: &str) -> Result<Vec<Term>, Error> {
    let mut client = Client::connect(url, NoTls)?;
    let rows = client.query(
        "SELECT term, slug FROM glossary_terms WHERE published ORDER BY length(term) DESC",
        &[],
    )?;
    client.close()?;

    rows.iter()
        .map(|row| {
            let term: String = row.get(0);
            let slug: String = row.get(1);
            let pattern = Regex::new(&format!(r"\b({})\b", regex::escape(&term)))?;
            Ok(Term { pattern, slug })
        })
        .collect()
}

fn deprecated_terms(api: &str) -> Vec<String> {
    match ureq::get(&format!("{api}/v1/deprecated-terms")).call() {
        Ok(resp) => resp.into_json::<Deprecated>().map(|d| d.terms).unwrap_or_default(),
        Err(e) => {
            eprintln!("mdbook-glossary: deprecated terms unavailable: {e}");
            Vec::new()
        }
    }
}

impl Preprocessor for Glossary {
    fn name(&self) -> &str {
        "glossary"
    }

    fn run(&self, ctx: &PreprocessorContext, mut book: Book) -> Result<Book, Error> {
        let cfg = ctx.config.get_preprocessor(self.name());
        let db_url = cfg
            .and_then(|c| c.get("database-url"))
            .and_then(|v| v.as_str())
            .map(str::to_string)
            .or_else(|| std::env::var("GLOSSARY_DATABASE_URL").ok())
            .unwrap_or_else(|| "postgres://docs@terms-db:5432/terms".to_string());
        let api = std::env::var("TERMS_API").unwrap_or_else(|_| "https://terms.internal".into());

        let terms = load_terms(&db_url)?;
        let deprecated = deprecated_terms(&api);

        book.for_each_mut(|item| {
            let BookItem::Chapter(chapter) = item else { return };
            let mut content = chapter.content.clone();
            for term in &terms {
                let link = format!("[$1](/glossary.html#{})", term.slug);
                content = term.pattern.replacen(&content, 1, link.as_str()).into_owned();
            }
            for word in &deprecated {
                if content.contains(word.as_str()) {
                    eprintln!("warning: chapter '{}' uses deprecated term '{word}'", chapter.name);
                }
            }
            chapter.content = content;
        });
        Ok(book)
    }

    fn supports_renderer(&self, renderer: &str) -> bool {
        renderer == "html"
    }
}
