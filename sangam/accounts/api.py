"""Accounts API: bearer-token authentication and who the token belongs to."""

from ninja import Router, Schema
from ninja.security import HttpBearer

from sangam.accounts.models import APIToken
from sangam.audit import log
from sangam.audit.middleware import client_ip

router = Router(tags=["accounts"])


class TokenAuth(HttpBearer):
    def authenticate(self, request, token):
        user = APIToken.user_for(token)
        if user is not None:
            request.user = user
            # Attribute this request's audit entries to the token's user.
            log._actor.set(log.Actor(user=user, ip=client_ip(request)))
        return user


class Me(Schema):
    username: str
    language: str
    memberships: list[dict]


@router.get("/me", response=Me)
def me(request):
    user = request.auth
    return {
        "username": user.get_username(),
        "language": user.language,
        "memberships": [
            {"agency_id": m.agency_id, "agency": m.agency.name, "role": m.role}
            for m in user.active_memberships()
        ],
    }
