from setuptools import find_packages, setup

package_name = "fleet_telemetry"

setup(
    name=package_name,
    version="0.4.2",
    packages=find_packages(exclude=["test"]),
    data_files=[
        ("share/ament_index/resource_index/packages", ["resource/" + package_name]),
        ("share/" + package_name, ["package.xml"]),
    ],
    install_requires=["setuptools"],
    zip_safe=True,
    maintainer="Robotics Platform",
    maintainer_email="robotics@example.com",
    description="AMR telemetry collector",
    license="Apache-2.0",
    entry_points={
        "console_scripts": [
            "telemetry_node = fleet_telemetry.telemetry_node:main",
        ],
    },
)
