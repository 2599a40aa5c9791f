pub mod db;

pub mod menu {
    //! Gophermap lines: <type><display>\t<selector>\t<host>\t<port>\r\n

    pub struct Item {
        pub kind: char,
        pub display: String,
        pub selector: String,
        pub host: String,
        pub port: u16,
    }

    pub fn line(kind: char, display: &str, selector: &str, host: &str, port: u16) -> String {
        format!("{kind}{display}\t{selector}\t{host}\t{port}\r\n")
    }

    pub fn info(text: &str) -> String {
        line('i', text, "", "null.host", 1)
    }

    pub fn parse(menu: &str) -> Vec<Item> {
        menu.lines()
            .take_while(|l| *l != ".")
            .filter_map(|l| {
                let mut chars = l.chars();
                let kind = chars.next()?;
                let fields: Vec<&str> = chars.as_str().split('\t').collect();
                if kind == 'i' || fields.len() < 4 {
                    return None;
                }
                Some(Item {
                    kind,
                    display: fields[0].to_string(),
                    selector: fields[1].to_string(),
                    host: fields[2].to_string(),
                    port: fields[3].trim().parse().ok()?,
                })
            })
            .collect()
    }
}
