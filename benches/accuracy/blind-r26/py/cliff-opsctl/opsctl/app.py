import sys

from cliff.app import App
from cliff.commandmanager import CommandManager


class OpsCtl(App):
    def __init__(self):
        super().__init__(
            description="Operator tooling for the service-dependency graph",
            version="0.9.2",
            command_manager=CommandManager("opsctl.commands"),
            deferred_help=True,
        )


def main(argv=sys.argv[1:]):
    return OpsCtl().run(argv)


if __name__ == "__main__":
    sys.exit(main())
