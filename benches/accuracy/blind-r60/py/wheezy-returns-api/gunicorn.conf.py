bind = "0.0.0.0:8000"
workers = 4
threads = 8
wsgi_app = "app:main"
