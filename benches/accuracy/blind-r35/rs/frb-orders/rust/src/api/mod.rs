pub mod drafts;
pub mod orders;
