"""The synthetic world: people, missing-and-found registers, every capability's
demo data, the scale fill, and the `seed` and `demo_code` commands.

Only this package, the tests and `benchmarks/` import it; no capability does.
Everything it makes looks synthetic: names marked "(synthetic)" or "(demo)",
99999 phone numbers, the reserved .invalid e-mail domain.
"""
