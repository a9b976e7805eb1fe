"""The synthetic registers the matching benchmark and tests run on."""

from collections import Counter

from sangam.demo.missing import Generator
from sangam.matching.names import words


def test_composed_names_read_the_same_in_three_scripts():
    generator = Generator(seed=4)
    for latin, deva, beng in generator.female[60:300] + generator.male[50:300]:
        assert words(latin) == words(deva) == words(beng), (latin, deva, beng)


def test_the_wide_vocabulary_gives_the_commonest_name_to_about_one_girl_in_twenty():
    def commonest_share(vocabulary):
        generator = Generator(seed=4, vocabulary=vocabulary)
        girls = [
            p.given[0] for p in (generator.person() for _ in range(20_000)) if p.sex == "female"
        ]
        return Counter(girls).most_common(1)[0][1] / len(girls)

    assert 0.04 < commonest_share("wide") < 0.08
    assert 0.18 < commonest_share("narrow") < 0.27


def test_the_wide_vocabulary_spreads_people_over_every_district():
    generator = Generator(seed=4)
    districts = {(p.state, p.district) for p in (generator.person() for _ in range(20_000))}
    assert len(districts) > 150
