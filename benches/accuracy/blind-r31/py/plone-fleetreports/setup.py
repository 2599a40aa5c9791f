from setuptools import find_packages, setup

setup(
    name="collective.fleetreports",
    version="1.3.0",
    description="Fleet utilisation and export views for the intranet Plone site",
    package_dir={"": "src"},
    packages=find_packages("src"),
    namespace_packages=["collective"],
    include_package_data=True,
    zip_safe=False,
    python_requires=">=3.10",
    install_requires=[
        "setuptools",
        "Products.CMFPlone>=6.0",
        "plone.api>=2.0",
        "SQLAlchemy>=2.0,<2.1",
        "psycopg2-binary>=2.9",
        "redis>=5.0",
    ],
    entry_points="""
    [z3c.autoinclude.plugin]
    target = plone
    """,
)
