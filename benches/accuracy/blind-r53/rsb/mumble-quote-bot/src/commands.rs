use serde::Deserialize;

use crate::Context;

#[derive(Deserialize)]
struct Entry {
    word: String,
    meanings: Vec<Meaning>,
}

#[derive(Deserialize)]
struct Meaning {
    #[serde(rename = "partOfSpeech")]
    part_of_speech: String,
    definitions: Vec<Definition>,
}

#[derive(Deserialize)]
struct Definition {
    definition: String,
}

fn strip_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.trim().to_string()
}

async fn define(ctx: &Context, word: &str) -> anyhow::Result<String> {
    let http = reqwest::Client::new();
    let entries: Vec<Entry> = http
        .get(format!("{}/{}", ctx.dictionary_url, word))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    let Some(entry) = entries.first() else {
        return Ok(format!("no entry for {word}"));
    };
    let Some(meaning) = entry.meanings.first() else {
        return Ok(format!("no meaning for {}", entry.word));
    };
    let def = meaning
        .definitions
        .first()
        .map(|d| d.definition.as_str())
        .unwrap_or("?");
    Ok(format!("<b>{}</b> ({}): {}", entry.word, meaning.part_of_speech, def))
}

/// Called for every chat message the bot can see.
pub async fn dispatch(ctx: &Context, author: &str, raw: &str) -> Option<String> {
    let text = strip_html(raw);
    if let Err(e) = ctx.stats.count_message(author).await {
        log::warn!("stats: {e:#}");
    }

    let (cmd, rest) = text.split_once(' ').unwrap_or((text.as_str(), ""));
    let result = match cmd {
        "!quote" => ctx.quotes.random().await.map(|q| match q {
            Some(q) => format!("\u{201c}{}\u{201d} \u{2014} {}", q.text, q.author),
            None => "no quotes yet".to_string(),
        }),
        "!addquote" if !rest.is_empty() => ctx
            .quotes
            .add(rest, author)
            .await
            .map(|_| "saved".to_string()),
        "!define" if !rest.is_empty() => define(ctx, rest.trim()).await,
        "!top" => ctx.stats.top(5).await.map(|rows| {
            rows.iter()
                .map(|(name, n)| format!("{name}: {n}"))
                .collect::<Vec<_>>()
                .join(", ")
        }),
        _ => return None,
    };

    Some(result.unwrap_or_else(|e| format!("error: {e}")))
}
