from django.tasks import task

from sangam.audit.log import acting_as
from sangam.core.imports import open_upload, run_job
from sangam.jobs.models import Job
from sangam.prevention import index
from sangam.prevention.imports import import_register


@task
def import_register_job(job_id, register, path):
    def work(user, progress):
        with open_upload(path) as f:
            return import_register(register, f, path, user, progress=progress)

    run_job(job_id, path, work)


@task
def recompute_job(job_id, state_id):
    job = Job.objects.select_related("created_by").get(pk=job_id)
    job.start()

    def progress(done, total):
        job.total = total
        Job.objects.filter(pk=job.pk).update(total=total)
        job.progress(done)

    try:
        with acting_as(user=job.created_by):
            changed = index.recompute_state(state_id, progress=progress)
        job.finish({"committed": True, "summary": f"{changed} households rescored."})
    except Exception:
        job.finish({}, failed=True, message="Rescoring stopped with an internal error.")
        raise
