"""`sangam audit verify | anchor | rekey`: check the keyed chain against its
anchors, anchor the head outside the database, move a chain to a new key."""

from django.core.management.base import BaseCommand, CommandError

from sangam.audit import anchors, chain


class Command(BaseCommand):
    help = (
        "Work with the audit trail. `verify` checks the keyed hash chain and compares it "
        "with the anchors; `anchor` appends the signed head to the anchor file (schedule it "
        "hourly); `rekey` re-hashes the chain with SANGAM_AUDIT_KEY (run as the database owner)."
    )

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        verify = sub.add_parser("verify", help="Check that no entry was altered or removed.")
        verify.add_argument(
            "--allow-newer-anchors",
            action="store_true",
            help="a restored backup: anchors written after it was taken are not a removal",
        )
        sub.add_parser("anchor", help="Append the signed chain head to the anchor file.")
        rekey = sub.add_parser(
            "rekey",
            help="Re-hash a chain that verifies under SANGAM_AUDIT_PREVIOUS_KEY (or, with "
            "--from-legacy, the unkeyed rule of earlier versions) with SANGAM_AUDIT_KEY.",
        )
        rekey.add_argument("--from-legacy", action="store_true")

    def handle(self, *args, action, **options):
        getattr(self, f"_{action}")(**options)

    def _verify(self, allow_newer_anchors, **options):
        try:
            found, other_keys = anchors.read_anchors()
        except anchors.ForgedAnchor as exc:
            raise CommandError(f"audit anchors broken: {exc}") from exc
        checked, problem = chain.verify(found, allow_newer_anchors=allow_newer_anchors)
        if problem:
            seq, reason = problem
            raise CommandError(
                f"audit trail broken at entry {seq}: {reason} "
                f"({checked} entries before it are intact)"
            )
        matched = sum(1 for a in found if a.seq <= checked)
        notes = [f"{matched} anchors match"]
        if matched < len(found):
            notes.append(f"{len(found) - matched} anchors are newer than this copy")
        if other_keys:
            notes.append(f"{other_keys} anchors under an earlier key not compared")
        self.stdout.write(
            self.style.SUCCESS(
                f"audit trail intact: {checked} entries verified, {', '.join(notes)}"
            )
        )

    def _anchor(self, **options):
        anchor = anchors.write_anchor()
        self.stdout.write(f"anchored entry {anchor.seq} at {anchor.at} in {anchors.anchor_file()}")

    def _rekey(self, from_legacy, **options):
        try:
            count = chain.rekey(from_legacy=from_legacy)
        except chain.Broken as exc:
            raise CommandError(f"not re-keyed: the chain is {exc}") from exc
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        anchor = anchors.write_anchor()
        self.stdout.write(
            self.style.SUCCESS(
                f"re-keyed {count} entries; anchored entry {anchor.seq}. Anchors written "
                "under the old key are no longer compared."
            )
        )
