"""Interactive support copilot built on Semantic Kernel."""
import asyncio
import os

import asyncpg
from semantic_kernel import Kernel
from semantic_kernel.connectors.ai.function_choice_behavior import FunctionChoiceBehavior
from semantic_kernel.connectors.ai.open_ai import (
    OpenAIChatCompletion,
    OpenAIChatPromptExecutionSettings,
)
from semantic_kernel.contents.chat_history import ChatHistory

from plugins import OrdersPlugin, ShippingPlugin

DATABASE_URL = os.environ.get(
    "DATABASE_URL",
    "postgresql://postgres.abcdxyz:secret@aws-0-eu-central-1.pooler.supabase.com:6543/postgres",
)

SYSTEM_PROMPT = (
    "You are Acme's support assistant. Use the orders and shipping tools to answer "
    "questions about orders. Never invent tracking numbers."
)


async def build_kernel(pool):
    kernel = Kernel()
    chat = OpenAIChatCompletion(ai_model_id=os.environ.get("OPENAI_MODEL", "gpt-4o-mini"), service_id="chat")
    kernel.add_service(chat)
    kernel.add_plugin(OrdersPlugin(pool), plugin_name="orders")
    kernel.add_plugin(ShippingPlugin(), plugin_name="shipping")
    return kernel, chat


async def main():
    pool = await asyncpg.create_pool(dsn=DATABASE_URL, min_size=1, max_size=5)
    kernel, chat = await build_kernel(pool)

    settings = OpenAIChatPromptExecutionSettings(service_id="chat", temperature=0.2)
    settings.function_choice_behavior = FunctionChoiceBehavior.Auto()

    history = ChatHistory(system_message=SYSTEM_PROMPT)
    try:
        while True:
            user_input = await asyncio.to_thread(input, "customer> ")
            if user_input.strip().lower() in {"exit", "quit"}:
                break
            history.add_user_message(user_input)
            reply = await chat.get_chat_message_content(
                chat_history=history, settings=settings, kernel=kernel
            )
            history.add_message(reply)
            print(f"copilot> {reply}")
    except (EOFError, KeyboardInterrupt):
        pass
    finally:
        await pool.close()


if __name__ == "__main__":
    asyncio.run(main())
