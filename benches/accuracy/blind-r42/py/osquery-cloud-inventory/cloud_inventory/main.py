import osquery

from . import tables  # noqa: F401  (registers the table plugins)


def main():
    osquery.start_extension(name="cloud_inventory", version="1.4.0")


if __name__ == "__main__":
    main()
