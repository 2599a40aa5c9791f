import pathlib

from mopidy import config, ext

__version__ = "0.6.1"


class Extension(ext.Extension):
    dist_name = "Mopidy-ListenStats"
    ext_name = "listenstats"
    version = __version__

    def get_default_config(self):
        return config.read(pathlib.Path(__file__).parent / "ext.conf")

    def get_config_schema(self):
        schema = super().get_config_schema()
        schema["dsn"] = config.Secret()
        schema["stats_url"] = config.String()
        return schema

    def setup(self, registry):
        from .frontend import ListenStatsFrontend

        registry.add("frontend", ListenStatsFrontend)
