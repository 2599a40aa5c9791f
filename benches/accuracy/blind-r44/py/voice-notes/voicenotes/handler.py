"""Callback invoked by SpeechRecognition's background listener thread.

listen_in_background() calls ``on_phrase`` once for every phrase it
captures from the microphone, for as long as the station is running.
"""
import logging

import speech_recognition as sr

from voicenotes.clients import make_webhook_client
from voicenotes.config import LANGUAGE, STATION, TRIGGER_WORDS
from voicenotes.notes import NoteWriter

log = logging.getLogger("voicenotes")


def classify(text):
    first = text.split(" ", 1)[0].lower()
    return first if first in TRIGGER_WORDS else None


def on_phrase(recognizer, audio):
    try:
        text = recognizer.recognize_google(audio, language=LANGUAGE)
    except sr.UnknownValueError:
        return
    except sr.RequestError as exc:
        log.warning("speech API unavailable: %s", exc)
        return

    kind = classify(text)
    if kind is None:
        log.debug("ignored chatter: %r", text)
        return

    writer = NoteWriter()
    note_id = writer.save(text, kind)
    log.info("saved %s note %s", kind, note_id)

    if kind in ("defect", "maintenance"):
        hook = make_webhook_client()
        resp = hook.post(
            "/shopfloor",
            json={"station": STATION, "kind": kind, "text": text, "note_id": str(note_id)},
        )
        if resp.status_code >= 400:
            log.warning("webhook rejected note %s: %s", note_id, resp.status_code)
