//! The skim item for one ticket. skim calls `preview` every time the cursor
//! lands on a line, so the preview pane follows the highlight.

use std::borrow::Cow;

use skim::prelude::*;

use crate::{cache, jira};

pub struct TicketItem {
    pub key: String,
    pub summary: String,
    pub status: String,
}

fn render(issue: &jira::IssueDetail) -> String {
    let mut out = format!(
        "\x1b[1m{}\x1b[0m  {}\n\x1b[33m{}\x1b[0m · {}\n\n",
        issue.key,
        issue.fields.summary,
        issue.fields.status.name,
        issue.fields.assignee.as_ref().map(|a| a.display_name.as_str()).unwrap_or("unassigned"),
    );
    out.push_str(issue.fields.description.as_deref().unwrap_or("(no description)"));
    if let Some(comments) = &issue.fields.comment {
        for c in comments.comments.iter().rev().take(3) {
            out.push_str(&format!("\n\n\x1b[36m{}\x1b[0m: {}", c.author.display_name, c.body));
        }
    }
    out
}

impl SkimItem for TicketItem {
    fn text(&self) -> Cow<str> {
        Cow::Owned(format!("{:<10} {:<14} {}", self.key, self.status, self.summary))
    }

    fn output(&self) -> Cow<str> {
        Cow::Borrowed(&self.key)
    }

    fn preview(&self, _context: PreviewContext) -> ItemPreview {
        if let Some(text) = cache::get_preview(&self.key) {
            return ItemPreview::AnsiText(text);
        }

        let http = jira::client();
        match jira::issue(&http, &self.key) {
            Ok(detail) => {
                let text = render(&detail);
                cache::put_preview(&self.key, &text);
                ItemPreview::AnsiText(text)
            }
            Err(e) => ItemPreview::Text(format!("could not load {}: {e}", self.key)),
        }
    }
}
