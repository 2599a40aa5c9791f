use elfo::prelude::*;

/// Raw line from the scanner gateway (one JSON object per scan).
#[message]
pub struct ScanLine(pub String);

#[message]
pub struct OperatorLoggedIn {
    pub operator: String,
    pub station: u32,
}

#[message]
pub struct Picked {
    pub operator: String,
    pub sku: String,
    pub qty: i32,
    pub expected: i32,
}

#[message]
pub struct OperatorLoggedOut {
    pub operator: String,
}

#[message]
pub struct ShiftEnded {
    pub operator: String,
}

#[message]
pub struct ShortPick {
    pub sku: String,
    pub station: u32,
    pub missing: i32,
}
