import csv

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from sangam.audit.log import acting_as
from sangam.core.progress import ProgressBar
from sangam.demo import scale_agencies, scale_cases
from sangam.demo.people import SURNAMES, PeopleGenerator
from sangam.directory.taxonomy import load_taxonomy
from sangam.geography.management.commands.geography import load_reference
from sangam.geography.models import District


class Command(BaseCommand):
    help = (
        "Load reference data and synthetic data. --demo: demo agencies and one user per role. "
        "--scale N: N synthetic people into every register (sangam/demo/scale_*.py) and, "
        "with --out, into a CSV."
    )

    def add_arguments(self, parser):
        parser.add_argument("--demo", action="store_true")
        parser.add_argument("--scale", type=int, default=0, metavar="N")
        parser.add_argument("--out", help="also write the synthetic people to this CSV")
        parser.add_argument("--seed", type=int, default=2026, help="random seed")

    def handle(self, *args, demo, scale, out, seed, **options):
        if scale < 0:
            raise CommandError("--scale must be a positive number")
        with acting_as(label="command:seed"):
            states, districts = load_reference()
            terms = load_taxonomy()
            # The law's shipped versions (loaded by migrations; again here
            # for a database emptied since).
            from sangam.compensation.reference import load_all as load_schemes
            from sangam.justice.reference import load as load_offences_and_clocks

            load_schemes()
            load_offences_and_clocks()
            self.stdout.write(
                f"reference: {states} states/UTs, {districts} districts, {terms} service types"
            )
            if demo:
                if not settings.DEMO_MODE:
                    raise CommandError("demo data is refused when SANGAM_DEMO is off")
                from sangam.demo.agencies import DEMO_PASSWORD, seed_demo

                users = seed_demo()
                self.stdout.write(f"demo users (password {DEMO_PASSWORD}): {', '.join(users)}")
                from sangam.demo.staff import seed_staff

                self.stdout.write(f"demo invitations and departures: {seed_staff()} new")
                from sangam.demo.directory import seed_directory

                self.stdout.write(f"demo directory: {seed_directory()} services")
                from sangam.demo.cases import seed_cases

                self.stdout.write(f"demo survivors: {seed_cases()} new")
                from sangam.demo.care import seed_care

                self.stdout.write(f"demo case work: {seed_care()} new records")
                from sangam.demo.prevention import seed_prevention

                self.stdout.write(f"demo households: {seed_prevention()} new")
                from sangam.demo.registers import seed_registers

                self.stdout.write(f"demo register entries: {seed_registers()} new")
                from sangam.demo.bonded import seed_bonded_labour

                self.stdout.write(f"demo bonded labour and legal aid: {seed_bonded_labour()}")
                # Before matching runs, so that its first run scores the rescued girls.
                from sangam.demo.justice import seed_justice

                self.stdout.write(f"demo criminal cases: {seed_justice()} new")
                from sangam.demo.restoration import seed_found, seed_restoration
                from sangam.matching import registers

                seed_found()
                self.stdout.write(f"demo candidate matches: {registers.run()}")
                self.stdout.write(f"demo restorations: {seed_restoration()} new")
                from sangam.demo.compensation import seed_compensation

                self.stdout.write(f"demo compensation claims: {seed_compensation()} new")
                duplicates = registers.find_duplicate_survivors()
                self.stdout.write(f"demo possible duplicates: {duplicates}")
            if scale:
                self._scale(scale, out, seed)

    def _generator(self, seed):
        by_state = {}
        for code, state_code in District.objects.filter(state__code__in=list(SURNAMES)).values_list(
            "code", "state__code"
        ):
            by_state.setdefault(state_code, []).append(code)
        return PeopleGenerator(seed=seed, districts_by_state=by_state)

    def _scale(self, n, out, seed):
        if out:
            fields = [
                "name",
                "native_name",
                "variants",
                "sex",
                "age",
                "age_is_estimate",
                "father_name",
                "state_code",
                "district_code",
                "script_language",
            ]
            bar = ProgressBar(n, stream=self.stderr)
            with open(out, "w", encoding="utf-8", newline="") as f:
                writer = csv.writer(f)
                writer.writerow(["id", *fields])
                for i, p in enumerate(self._generator(seed).people(n), 1):
                    row = [getattr(p, k) for k in fields]
                    row[2] = "|".join(p.variants)
                    writer.writerow([f"SYN-{i:07d}", *row])
                    if i % 1000 == 0 or i == n:
                        bar.update(i)
            bar.close()
            self.stdout.write(f"wrote {n} synthetic people to {out}")
        for label, fill in (("agencies", scale_agencies.fill), ("cases", scale_cases.fill)):
            bar = ProgressBar(n, stream=self.stderr)
            created = fill(self._generator(seed), n, bar.update)
            bar.close()
            self.stdout.write(f"{label}: {created} synthetic records")
