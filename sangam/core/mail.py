"""The development e-mail backend: each message in a file of its own under
``var/mail/`` (EMAIL_FILE_PATH), readable by the account running Sangam
only. Django's console backend printed messages — password-reset links
among them — into the server log, where anyone reading logs could use them.
"""

import os

from django.core.mail.backends.filebased import EmailBackend


class PrivateFileBackend(EmailBackend):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        os.chmod(self.file_path, 0o700)

    def open(self):
        if self.stream is None:
            fd = os.open(self._get_filename(), os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            self.stream = os.fdopen(fd, "ab")
            return True
        return False
