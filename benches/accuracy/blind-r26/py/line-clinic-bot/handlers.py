"""LINE webhook event handlers for the clinic appointment bot."""
import os
import re

import requests
from linebot.v3.messaging import (
    ApiClient,
    Configuration,
    MessagingApi,
    ReplyMessageRequest,
    TextMessage,
)
from linebot.v3.webhooks import FollowEvent, MessageEvent, TextMessageContent

from db import pool

configuration = Configuration(access_token=os.environ["LINE_CHANNEL_ACCESS_TOKEN"])
api_client = ApiClient(configuration)
line_api = MessagingApi(api_client)

CRM_URL = os.environ.get("CRM_URL", "https://crm.clinic.example.jp/api")
BOOK_RE = re.compile(r"^予約\s+(\d{4}-\d{2}-\d{2})\s+(\d{2}:\d{2})$")


def _reply(token, text):
    line_api.reply_message(
        ReplyMessageRequest(reply_token=token, messages=[TextMessage(text=text)])
    )


def handle_text(event):
    """One call per text message a patient sends."""
    user_id = event.source.user_id
    m = BOOK_RE.match(event.message.text.strip())
    if not m:
        _reply(event.reply_token, "「予約 YYYY-MM-DD HH:MM」の形式で送ってください。")
        return

    day, slot = m.groups()
    conn = pool.getconn()
    row = conn.execute(
        "SELECT id FROM slots WHERE day = %s AND start_time = %s AND booked_by IS NULL FOR UPDATE",
        (day, slot),
    ).fetchone()
    if row is None:
        conn.rollback()
        _reply(event.reply_token, "その時間は空いていません。")
        return
    conn.execute("UPDATE slots SET booked_by = %s WHERE id = %s", (user_id, row[0]))
    conn.commit()
    pool.putconn(conn)
    _reply(event.reply_token, f"{day} {slot} で予約しました。")


def handle_follow(event):
    """One call per user who adds the bot as a friend."""
    profile = line_api.get_profile(event.source.user_id)
    crm = requests.Session()
    crm.headers["Authorization"] = f"Bearer {os.environ['CRM_TOKEN']}"
    crm.post(
        f"{CRM_URL}/contacts",
        json={"line_user_id": event.source.user_id, "display_name": profile.display_name},
        timeout=5,
    )
    with pool.connection() as conn:
        conn.execute(
            "INSERT INTO patients (line_user_id, display_name) VALUES (%s, %s) "
            "ON CONFLICT (line_user_id) DO NOTHING",
            (event.source.user_id, profile.display_name),
        )
    _reply(event.reply_token, "友だち追加ありがとうございます！")


def register_handlers(handler):
    handler.add(MessageEvent, message=TextMessageContent)(handle_text)
    handler.add(FollowEvent)(handle_follow)
