from sangam.audit.correlation import correlated
from sangam.audit.log import acting_as


def client_ip(request):
    # Behind a proxy, configure the proxy to set REMOTE_ADDR (e.g. with
    # proxy protocol); X-Forwarded-For is forgeable and not trusted here.
    return request.META.get("REMOTE_ADDR") or None


class AuditContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user if request.user.is_authenticated else None
        with (
            correlated(),
            acting_as(user=user, label=None if user else "anonymous", ip=client_ip(request)),
        ):
            return self.get_response(request)
