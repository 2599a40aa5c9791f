use std::io::{self, Read, Write};
use std::time::Duration;

use pandoc_ast::{Block, Inline, MutVisitor};
use postgres::{Client, NoTls, SimpleQueryMessage};

/// Walks the document once. Every ```sql block and every `metric`-classed
/// inline code span is evaluated on the one connection opened in main.
struct SqlBlocks {
    db: Client,
    http: ureq::Agent,
    errors: Vec<String>,
}

fn has_class(attr: &pandoc_ast::Attr, class: &str) -> bool {
    attr.1.iter().any(|c| c == class)
}

impl SqlBlocks {
    fn render_table(&mut self, sql: &str) -> String {
        let messages = match self.db.simple_query(sql) {
            Ok(m) => m,
            Err(e) => {
                self.errors.push(format!("{sql}: {e}"));
                return format!("-- query failed: {e}");
            }
        };
        let mut out = String::new();
        for msg in messages {
            if let SimpleQueryMessage::Row(row) = msg {
                let cells: Vec<&str> = (0..row.len()).map(|i| row.get(i).unwrap_or("NULL")).collect();
                out.push_str(&cells.join(" | "));
                out.push('\n');
            }
        }
        out
    }

    fn scalar(&mut self, sql: &str) -> String {
        match self.db.query_one(sql, &[]) {
            Ok(row) => row.try_get::<_, String>(0).unwrap_or_else(|_| "?".into()),
            Err(e) => {
                self.errors.push(format!("{sql}: {e}"));
                "?".into()
            }
        }
    }

    fn check_link(&mut self, url: &str) {
        if !url.starts_with("http") {
            return;
        }
        if let Err(e) = self.http.head(url).call() {
            self.errors.push(format!("broken link {url}: {e}"));
        }
    }
}

impl MutVisitor for SqlBlocks {
    fn visit_block(&mut self, block: &mut Block) {
        if let Block::CodeBlock(attr, code) = block {
            if has_class(attr, "sql") {
                let table = self.render_table(code);
                *block = Block::CodeBlock(
                    (String::new(), vec!["text".into()], vec![]),
                    table,
                );
                return;
            }
        }
        self.walk_block(block);
    }

    fn visit_inline(&mut self, inline: &mut Inline) {
        match inline {
            Inline::Code(attr, sql) if has_class(attr, "metric") => {
                let value = self.scalar(sql);
                *inline = Inline::Str(value);
            }
            Inline::Link(_, _, (url, _)) => {
                let url = url.clone();
                self.check_link(&url);
                self.walk_inline(inline);
            }
            _ => self.walk_inline(inline),
        }
    }
}

fn main() -> anyhow::Result<()> {
    let url = std::env::var("REPORTING_DATABASE_URL")?;
    let db = Client::connect(&url, NoTls)?;
    let http = ureq::AgentBuilder::new().timeout(Duration::from_secs(5)).build();
    let mut filter = SqlBlocks { db, http, errors: Vec::new() };

    let mut input = String::new();
    io::stdin().read_to_string(&mut input)?;
    let output = pandoc_ast::filter(input, |mut pandoc| {
        filter.walk_pandoc(&mut pandoc);
        pandoc
    });
    io::stdout().write_all(output.as_bytes())?;

    for e in &filter.errors {
        eprintln!("pandoc-sql-blocks: {e}");
    }
    filter.db.close()?;
    Ok(())
}
