from setuptools import setup

SKILL_ID = "ovos-skill-pantry.household"

setup(
    name="ovos-skill-pantry",
    version="0.3.2",
    description="OVOS skill: keep track of the pantry by voice",
    packages=["ovos_skill_pantry"],
    package_data={"ovos_skill_pantry": ["locale/*/*"]},
    include_package_data=True,
    install_requires=[
        "ovos-workshop>=0.1.6,<1.0.0",
        "ovos-bus-client>=0.1.4",
        "pymongo==4.8.0",
        "httpx==0.27.2",
    ],
    entry_points={"ovos.plugin.skill": f"{SKILL_ID}=ovos_skill_pantry:PantrySkill"},
)
