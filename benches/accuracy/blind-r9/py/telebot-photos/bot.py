import os
import uuid

import boto3
import telebot

from models import Chat, Photo, db

bot = telebot.TeleBot(os.environ["TELEGRAM_TOKEN"], parse_mode="HTML")
BUCKET = os.environ.get("PHOTO_BUCKET", "chat-photos")

s3 = boto3.client("s3")

_translate_by_region: dict = {}


def translate_client(region: str):
    client = _translate_by_region.get(region)
    if client is None:
        client = boto3.client("translate", region_name=region)
        _translate_by_region[region] = client
    return client


@bot.message_handler(commands=["start"])
def start(message):
    with db.connection_context():
        Chat.get_or_create(chat_id=message.chat.id)
    bot.reply_to(message, "Send me photos and I'll keep them safe.")


@bot.message_handler(commands=["lang"])
def set_language(message):
    parts = message.text.split()
    if len(parts) != 2:
        bot.reply_to(message, "Usage: /lang de")
        return
    with db.connection_context():
        Chat.update(language=parts[1]).where(Chat.chat_id == message.chat.id).execute()
    bot.reply_to(message, f"Language set to {parts[1]}")


@bot.message_handler(content_types=["photo"])
def store_photo(message):
    file_info = bot.get_file(message.photo[-1].file_id)
    data = bot.download_file(file_info.file_path)
    key = f"{message.chat.id}/{uuid.uuid4()}.jpg"
    s3.put_object(Bucket=BUCKET, Key=key, Body=data, ContentType="image/jpeg")
    with db.connection_context(), db.atomic():
        chat, _ = Chat.get_or_create(chat_id=message.chat.id)
        Photo.create(chat=chat, s3_key=key)
    if message.caption:
        region = "eu-central-1" if chat.language in ("de", "fr") else "us-east-1"
        out = translate_client(region).translate_text(
            Text=message.caption, SourceLanguageCode="auto", TargetLanguageCode=chat.language
        )
        bot.reply_to(message, out["TranslatedText"])
    else:
        bot.reply_to(message, "Saved.")


if __name__ == "__main__":
    with db.connection_context():
        db.create_tables([Chat, Photo])
    bot.infinity_polling(timeout=20, long_polling_timeout=20)
