import sys

from supervisor import childutils

from handlers import handle_state, handle_tick


def main() -> None:
    while True:
        headers, payload = childutils.listener.wait(sys.stdin, sys.stdout)
        try:
            name = headers["eventname"]
            if name.startswith("PROCESS_STATE_"):
                handle_state(headers, payload)
            elif name == "TICK_60":
                handle_tick(headers, payload)
        except Exception as exc:  # never let supervisord see us die
            print(f"crashwatch: {exc!r}", file=sys.stderr)
            childutils.listener.fail(sys.stdout)
            continue
        childutils.listener.ok(sys.stdout)


if __name__ == "__main__":
    main()
