import logging

import pyttsx3
from dragonfly import Grammar, get_engine

from .rules import OpsRule
from .services import build_services

log = logging.getLogger("voiceops")


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    tts = pyttsx3.init()

    def say(text: str) -> None:
        log.info("say: %s", text)
        tts.say(text)
        tts.runAndWait()

    engine = get_engine("kaldi", model_dir="kaldi_model", vad_padding_end_ms=300)
    engine.connect()

    services = build_services()
    grammar = Grammar("voiceops")
    grammar.add_rule(OpsRule(services, say))
    grammar.load()

    try:
        say("voice ops ready")
        # blocks; args are (begin, recognition) callbacks
        engine.do_recognition(None, lambda words: log.info("heard: %s", " ".join(words)))
    except KeyboardInterrupt:
        pass
    finally:
        grammar.unload()
        services.close()
        engine.disconnect()


if __name__ == "__main__":
    main()
