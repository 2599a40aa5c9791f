from setuptools import find_namespace_packages, setup

setup(
    name="ckanext-datasetindex",
    version="0.5.0",
    description="Mirror CKAN datasets into per-organisation Elasticsearch clusters",
    packages=find_namespace_packages(include=["ckanext.*"]),
    install_requires=[
        "elasticsearch==8.15.1",
        "redis==5.0.8",
    ],
    entry_points="""
        [ckan.plugins]
        datasetindex=ckanext.datasetindex.plugin:DatasetIndexPlugin
    """,
)
