# Installer for the airquality_pg WeeWX extension.
#   weectl extension install ./weewx-aqi-archive
from weecfg.extension import ExtensionInstaller


def loader():
    return AirQualityInstaller()


class AirQualityInstaller(ExtensionInstaller):
    def __init__(self):
        super().__init__(
            version="0.4.1",
            name="airquality_pg",
            description="Adds PurpleAir PM2.5 to loop packets and mirrors archive records to PostgreSQL",
            author="Ridge Road Weather Co-op",
            author_email="ops@ridgeroadwx.example",
            data_services="user.airquality_pg.AirQualityService",
            config={
                "AirQuality": {
                    "sensor_url": "http://purpleair-shed.local/json?live=true",
                    "community_url": "https://aq.ridgeroadwx.example/api/v1/observations",
                    "station_token": "replace_me",
                    "PostgreSQL": {
                        "host": "db.ridgeroadwx.example",
                        "port": "5432",
                        "dbname": "wxarchive",
                        "user": "weewx",
                        "password": "replace_me",
                    },
                }
            },
            files=[("bin/user", ["bin/user/airquality_pg.py"])],
        )
