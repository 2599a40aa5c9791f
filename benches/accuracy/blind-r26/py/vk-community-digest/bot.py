"""VK community bot: records suggestions posted to the group chat."""
import logging
import os

import vk_api
from sqlalchemy import text
from vk_api.bot_longpoll import VkBotEventType, VkBotLongPoll
from vk_api.utils import get_random_id

from db import make_engine, make_sessionmaker

log = logging.getLogger("vk-bot")


def handle_message(vk, Session, message):
    body = message["text"].strip()
    if not body.lower().startswith("#идея"):
        return
    with Session.begin() as session:
        session.execute(
            text(
                "INSERT INTO suggestions (vk_user_id, peer_id, body) "
                "VALUES (:uid, :peer, :body)"
            ),
            {"uid": message["from_id"], "peer": message["peer_id"], "body": body[5:].strip()},
        )
    vk.messages.send(
        peer_id=message["peer_id"],
        message="Спасибо! Идея записана и попадёт в еженедельный дайджест.",
        random_id=get_random_id(),
    )


def main():
    logging.basicConfig(level=logging.INFO)
    engine = make_engine()
    Session = make_sessionmaker(engine)
    vk_session = vk_api.VkApi(token=os.environ["VK_GROUP_TOKEN"])
    vk = vk_session.get_api()
    longpoll = VkBotLongPoll(vk_session, int(os.environ["VK_GROUP_ID"]))
    try:
        for event in longpoll.listen():
            if event.type == VkBotEventType.MESSAGE_NEW:
                try:
                    handle_message(vk, Session, event.object.message)
                except Exception:
                    log.exception("failed to handle message")
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()
