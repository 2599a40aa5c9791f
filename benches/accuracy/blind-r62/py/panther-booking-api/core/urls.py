from app.urls import urls as booking_urls

url_routing = {
    'api/': booking_urls,
}
