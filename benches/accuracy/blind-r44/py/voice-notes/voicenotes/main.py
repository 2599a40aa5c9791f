import logging
import time

import speech_recognition as sr

from voicenotes.handler import on_phrase

log = logging.getLogger("voicenotes")


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")

    recognizer = sr.Recognizer()
    recognizer.pause_threshold = 1.0
    microphone = sr.Microphone()

    with microphone as source:
        log.info("calibrating for ambient noise...")
        recognizer.adjust_for_ambient_noise(source, duration=2)

    stop_listening = recognizer.listen_in_background(microphone, on_phrase, phrase_time_limit=20)
    log.info("listening; say 'note ...', 'defect ...' or 'maintenance ...'")

    try:
        while True:
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        stop_listening(wait_for_stop=False)
        log.info("stopped")


if __name__ == "__main__":
    main()
