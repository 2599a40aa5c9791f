import time

import redis
from django.conf import settings
from django.http import JsonResponse


class ApiKeyRateLimitMiddleware:
    """Fixed-window rate limit per API key, counted in Redis.

    Listed in settings.MIDDLEWARE after SecurityMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.limit = getattr(settings, "RATE_LIMIT_PER_MINUTE", 600)

    def __call__(self, request):
        api_key = request.headers.get("X-Api-Key")
        if not api_key:
            return self.get_response(request)

        request.redis = redis.Redis.from_url(settings.REDIS_URL, decode_responses=True)
        window = int(time.time() // 60)
        key = f"rl:{api_key}:{window}"
        count = request.redis.incr(key)
        if count == 1:
            request.redis.expire(key, 90)
        if count > self.limit:
            return JsonResponse({"detail": "rate limit exceeded"}, status=429)

        response = self.get_response(request)
        response["X-RateLimit-Remaining"] = str(max(self.limit - count, 0))
        return response
