mod db;
mod tools;

use async_openai::config::OpenAIConfig;
use async_openai::types::{
    ChatCompletionRequestAssistantMessageArgs, ChatCompletionRequestMessage,
    ChatCompletionRequestSystemMessageArgs, ChatCompletionRequestToolMessageArgs,
    ChatCompletionRequestUserMessageArgs, CreateChatCompletionRequestArgs,
};
use async_openai::Client;
use tokio::io::{AsyncBufReadExt, BufReader};

const SYSTEM_PROMPT: &str = "You are the fulfilment on-call assistant. Use the tools to look up \
orders and requeue failed shipments. Never invent order data.";

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let openai = Client::with_config(OpenAIConfig::new().with_api_key(std::env::var("OPENAI_API_KEY")?));
    let pool = db::connect_with_retry(&std::env::var("DATABASE_URL")?).await?;
    let tools = tools::definitions()?;

    let mut history: Vec<ChatCompletionRequestMessage> =
        vec![ChatCompletionRequestSystemMessageArgs::default().content(SYSTEM_PROMPT).build()?.into()];

    let mut lines = BufReader::new(tokio::io::stdin()).lines();
    eprint!("ops> ");
    // One iteration per question typed by the operator.
    while let Some(line) = lines.next_line().await? {
        if line.trim().is_empty() {
            continue;
        }
        history.push(ChatCompletionRequestUserMessageArgs::default().content(line).build()?.into());

        // Keep answering tool calls until the model produces a plain reply.
        loop {
            let request = CreateChatCompletionRequestArgs::default()
                .model("gpt-4o-mini")
                .messages(history.clone())
                .tools(tools.clone())
                .build()?;
            let response = openai.chat().create(request).await?;
            let Some(choice) = response.choices.into_iter().next() else { break };
            let message = choice.message;

            match message.tool_calls {
                Some(calls) if !calls.is_empty() => {
                    history.push(
                        ChatCompletionRequestAssistantMessageArgs::default()
                            .tool_calls(calls.clone())
                            .build()?
                            .into(),
                    );
                    for call in calls {
                        let output = tools::call(&pool, &call.function.name, &call.function.arguments)
                            .await
                            .unwrap_or_else(|e| format!("tool error: {e}"));
                        history.push(
                            ChatCompletionRequestToolMessageArgs::default()
                                .tool_call_id(call.id)
                                .content(output)
                                .build()?
                                .into(),
                        );
                    }
                }
                _ => {
                    let text = message.content.unwrap_or_default();
                    println!("{text}");
                    history.push(ChatCompletionRequestAssistantMessageArgs::default().content(text).build()?.into());
                    break;
                }
            }
        }
        eprint!("ops> ");
    }

    pool.close().await;
    Ok(())
}
