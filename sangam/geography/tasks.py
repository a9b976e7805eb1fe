from django.tasks import task

from sangam.core.imports import count_rows, run_job
from sangam.geography.importer import import_villages_from_path


@task
def import_villages_job(job_id, path):
    def work(user, progress):
        return import_villages_from_path(path, user=user, progress=progress)

    run_job(job_id, path, work, total=count_rows(path))
