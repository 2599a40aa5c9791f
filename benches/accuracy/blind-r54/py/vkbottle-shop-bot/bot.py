"""VK community bot for the online shop (orders, delivery tracking)."""
import logging
import os

from vkbottle.bot import Bot, Message

import db
import delivery
import orders

logging.basicConfig(level=logging.INFO)

bot = Bot(token=os.environ["VK_GROUP_TOKEN"])

bot.labeler.load(orders.labeler)
bot.labeler.load(delivery.labeler)


@bot.on.private_message(text=["help", "start", "начать"])
async def help_handler(message: Message) -> None:
    await message.answer(
        "Commands:\n"
        "order <number> - order status\n"
        "orders - your last orders\n"
        "track <code> - where is my parcel"
    )


@bot.on.private_message()
async def fallback(message: Message) -> None:
    await message.answer("Sorry, I did not get that. Type help for the command list.")


bot.loop_wrapper.on_startup.append(db.init_pool())
bot.loop_wrapper.on_shutdown.append(db.close_pool())

if __name__ == "__main__":
    bot.run_forever()
