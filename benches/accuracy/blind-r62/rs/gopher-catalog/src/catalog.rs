use sqlx::PgPool;

pub struct Item {
    pub kind: char,
    pub display: String,
    pub selector: String,
}

pub async fn subjects(pool: &PgPool) -> Result<Vec<Item>, sqlx::Error> {
    let rows: Vec<(String, String, i64)> = sqlx::query_as(
        "SELECT s.code, s.label, count(b.id) FROM subjects s \
         LEFT JOIN books b ON b.subject_code = s.code AND b.withdrawn_at IS NULL \
         GROUP BY s.code, s.label ORDER BY s.code",
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(code, label, n)| Item {
            kind: '1',
            display: format!("{code} {label} ({n})"),
            selector: format!("/subject/{code}"),
        })
        .collect())
}

pub async fn books_in(pool: &PgPool, subject: &str) -> Result<Vec<Item>, sqlx::Error> {
    let rows: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT id, title, author FROM books WHERE subject_code = $1 AND withdrawn_at IS NULL ORDER BY author, title",
    )
    .bind(subject)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, title, author)| Item {
            kind: '0',
            display: format!("{author} - {title}"),
            selector: format!("/book/{id}"),
        })
        .collect())
}

pub async fn book_record(pool: &PgPool, id: i64) -> Result<Option<String>, sqlx::Error> {
    let row: Option<(String, String, Option<String>, i32, i64)> = sqlx::query_as(
        "SELECT b.title, b.author, b.isbn, b.year, \
                (SELECT count(*) FROM copies c WHERE c.book_id = b.id AND c.on_loan = false) \
         FROM books b WHERE b.id = $1",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|(title, author, isbn, year, available)| {
        format!(
            "Title:     {title}\r\nAuthor:    {author}\r\nYear:      {year}\r\nISBN:      {}\r\nAvailable: {available} cop{}\r\n",
            isbn.unwrap_or_else(|| "-".into()),
            if available == 1 { "y" } else { "ies" }
        )
    }))
}

pub fn menu_line(item: &Item, host: &str, port: u16) -> String {
    format!("{}{}\t{}\t{}\t{}\r\n", item.kind, item.display, item.selector, host, port)
}
