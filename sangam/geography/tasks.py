from django.tasks import task

from sangam.core.imports import count_rows, open_upload, run_job
from sangam.geography.importer import import_villages


@task
def import_villages_job(job_id, path):
    def work(user, progress):
        with open_upload(path) as f:
            return import_villages(f, user=user, progress=progress)

    run_job(job_id, path, work, total=count_rows)
