from django.contrib.auth.backends import ModelBackend

from sangam.core.access import SYSTEM


class SangamBackend(ModelBackend):
    """ModelBackend with the user looked up through the restricted path."""

    def get_user(self, user_id):
        from sangam.accounts.models import User

        user = User.objects.restrict(SYSTEM).filter(pk=user_id).first()
        return user if user and self.user_can_authenticate(user) else None
