import os

from signalbot import SignalBot

from .commands import ALL


def main() -> None:
    bot = SignalBot(
        {
            "signal_service": os.environ.get("SIGNAL_SERVICE", "signal-cli-rest-api:8080"),
            "phone_number": os.environ["SIGNAL_PHONE_NUMBER"],
        }
    )
    ops_group = os.environ.get("OPS_GROUP_ID")
    for command_cls in ALL:
        bot.register(command_cls(), contacts=True, groups=[ops_group] if ops_group else True)
    bot.start()


if __name__ == "__main__":
    main()
