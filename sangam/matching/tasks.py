from django.tasks import task

from sangam.matching import registers


@task
def match_new_task(missing_ids=None, survivor_ids=None):
    registers.run(missing_ids=missing_ids, survivor_ids=survivor_ids)


@task
def match_all_task():
    registers.run()
