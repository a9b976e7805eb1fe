"""What compensation listens to: a judgment on her police case that
recommends compensation (justice's ``compensation_recommended``)."""

from sangam.compensation import court


def on_compensation_recommended(sender, user, criminal_case, on, amount, **kwargs):
    court.court_recommended(user, criminal_case, on, amount)
