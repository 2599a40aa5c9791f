use tiberius::{ColumnData, Row};

fn cell(data: &ColumnData<'_>) -> String {
    let raw = match data {
        ColumnData::String(Some(s)) => s.to_string(),
        ColumnData::I32(Some(v)) => v.to_string(),
        ColumnData::I64(Some(v)) => v.to_string(),
        ColumnData::F64(Some(v)) => v.to_string(),
        ColumnData::Bit(Some(v)) => v.to_string(),
        ColumnData::Numeric(Some(n)) => n.to_string(),
        _ => String::new(),
    };
    if raw.contains([',', '"', '\n']) {
        format!("\"{}\"", raw.replace('"', "\"\""))
    } else {
        raw
    }
}

pub fn rows_to_csv(rows: &[Row]) -> Vec<u8> {
    let mut out = String::new();
    if let Some(first) = rows.first() {
        let header: Vec<&str> = first.columns().iter().map(|c| c.name()).collect();
        out.push_str(&header.join(","));
        out.push('\n');
    }
    for row in rows {
        let cells: Vec<String> = row.cells().map(|(_, data)| cell(data)).collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out.into_bytes()
}
