from django.tasks import task

from sangam.audit.log import acting_as
from sangam.geography.importer import import_villages_from_path
from sangam.jobs.models import Job


@task
def import_villages_job(job_id, path):
    job = Job.objects.select_related("created_by").get(pk=job_id)
    with open(path, "rb") as f:
        total = sum(1 for _ in f) - 1
    job.start(total=max(total, 0))
    try:
        with acting_as(user=job.created_by):
            report = import_villages_from_path(path, user=job.created_by, progress=job.progress)
        job.finish(report.as_dict(), failed=not report.committed)
    except Exception:
        job.finish({}, failed=True, message="The import stopped with an internal error.")
        raise
