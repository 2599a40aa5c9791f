from setuptools import setup

setup(
    name="TracDeployBoard",
    version="0.9.0",
    packages=["deployboard"],
    package_data={"deployboard": ["templates/*.html"]},
    install_requires=[
        "Trac>=1.6",
        "psycopg[binary]==3.2.3",
        "psycopg-pool==3.2.3",
        "requests==2.32.3",
    ],
    entry_points={"trac.plugins": ["deployboard.web = deployboard.web"]},
)
