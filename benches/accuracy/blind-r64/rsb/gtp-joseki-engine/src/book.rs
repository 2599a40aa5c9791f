//! Opening book: sequence of moves so far (e.g. "B:Q16 W:D4 B:Q3") -> reply.

use postgres::{Client, NoTls};

pub struct Book {
    client: Client,
}

impl Book {
    pub fn open(url: &str) -> Result<Book, postgres::Error> {
        let client = Client::connect(url, NoTls)?;
        Ok(Book { client })
    }

    pub fn reply(&mut self, board_size: i32, sequence: &str) -> Result<Option<String>, postgres::Error> {
        let row = self.client.query_opt(
            "SELECT reply FROM joseki WHERE board_size = $1 AND sequence = $2 \
             ORDER BY weight DESC, random() LIMIT 1",
            &[&board_size, &sequence],
        )?;
        Ok(row.map(|r| r.get(0)))
    }

    pub fn close(self) -> Result<(), postgres::Error> {
        self.client.close()
    }
}
