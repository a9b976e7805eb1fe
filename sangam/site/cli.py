"""The `sangam` console script: Django's management commands under one name."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sangam.site.settings")
    from django.core.management import execute_from_command_line

    from sangam.audit.correlation import correlated

    # The audit entries of one invocation share a correlation id.
    with correlated():
        execute_from_command_line(["sangam", *sys.argv[1:]])


if __name__ == "__main__":
    main()
