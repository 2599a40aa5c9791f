from setuptools import setup

MODULE = 'stock_carrier_label'

setup(
    name='trytond_' + MODULE,
    version='7.0.3',
    description='Carrier labels and WMS sync for customer shipments',
    package_dir={'trytond.modules.' + MODULE: '.'},
    packages=['trytond.modules.' + MODULE],
    package_data={'trytond.modules.' + MODULE: ['tryton.cfg', '*.xml']},
    install_requires=[
        'trytond >= 7.0, < 7.1',
        'trytond_stock >= 7.0, < 7.1',
        'requests >= 2.31',
        'SQLAlchemy >= 2.0',
        'psycopg2 >= 2.9',
    ],
    entry_points={
        'trytond.modules': [MODULE + ' = trytond.modules.' + MODULE],
    },
)
