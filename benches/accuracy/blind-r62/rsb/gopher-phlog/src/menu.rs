//! Gopher menu rendering: `<type><display>\t<selector>\t<host>\t<port>\r\n`.

use postgres::Client;

fn item(kind: char, display: &str, selector: &str, host: &str, port: u16) -> String {
    format!("{kind}{display}\t{selector}\t{host}\t{port}\r\n")
}

fn info(text: &str) -> String {
    format!("i{text}\t\terror.host\t1\r\n")
}

pub fn root(host: &str, port: u16) -> String {
    let mut out = String::new();
    out += &info("Hackspace phlog");
    out += &info("");
    out += &item('1', "Phlog posts", "/phlog", host, port);
    out += &item('0', "About this server", "/phlog/about", host, port);
    out
}

pub fn post_list(db: &mut Client, host: &str, port: u16) -> anyhow::Result<String> {
    let rows = db.query(
        "SELECT slug, title, to_char(published_at, 'YYYY-MM-DD') FROM posts \
         WHERE published_at IS NOT NULL ORDER BY published_at DESC LIMIT 200",
        &[],
    )?;
    let mut out = info("Phlog posts, newest first");
    for r in rows {
        let slug: String = r.get(0);
        let title: String = r.get(1);
        let date: String = r.get(2);
        out += &item('0', &format!("{date} {title}"), &format!("/phlog/{slug}"), host, port);
    }
    Ok(out)
}

pub fn post(db: &mut Client, slug: &str) -> anyhow::Result<Option<String>> {
    let row = db.query_opt(
        "SELECT title, body FROM posts WHERE slug = $1 AND published_at IS NOT NULL",
        &[&slug],
    )?;
    Ok(row.map(|r| {
        let title: String = r.get(0);
        let body: String = r.get(1);
        // Lines that are a single "." would end the transfer early.
        let body = body
            .lines()
            .map(|l| if l == "." { ".." } else { l })
            .collect::<Vec<_>>()
            .join("\r\n");
        format!("{title}\r\n\r\n{body}\r\n")
    }))
}

pub fn error(text: &str) -> String {
    format!("3{text}\t\terror.host\t1\r\n")
}
