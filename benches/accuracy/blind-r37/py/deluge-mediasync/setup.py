from setuptools import find_packages, setup

__plugin_name__ = "MediaSync"
__version__ = "1.3.0"

setup(
    name=__plugin_name__,
    version=__version__,
    description="Uploads finished torrents to S3 and records them in the media catalogue",
    author="Media Ops",
    license="GPLv3",
    packages=find_packages(),
    package_data={"deluge_mediasync": ["data/*"]},
    install_requires=["pymongo>=4.8,<5", "boto3>=1.35", "httpx>=0.27,<0.28"],
    entry_points="""
    [deluge.plugin.core]
    %s = deluge_mediasync:CorePlugin
    """ % __plugin_name__,
)
