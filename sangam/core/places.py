"""Place names as people write them in files and forms, resolved to the
reference geography: a state by ISO code (IN-WB), LGD code, English or Hindi
name; a district within its state by Sangam code (IN-WB-MALDA), LGD code or
name; a village by its block and name or by its LGD code. Case and runs of
spaces do not matter. The matching engine reads the gazetteer its own way
(``sangam.matching.places``), tuned for linkage rather than exact look-up.

Each lookup is loaded once per import (states and districts are small and
fixed; villages are those of a queryset, usually a jurisdiction)."""

from sangam.geography.models import District, State


def norm(text):
    return " ".join(str(text).split()).casefold()


class Places:
    def __init__(self):
        self._states = self._districts = None

    def state(self, text):
        """The state's pk, or None."""
        if self._states is None:
            self._states = {}
            for pk, code, lgd, name, hindi in State.objects.values_list(
                "pk", "code", "lgd_code", "name", "name_hi"
            ):
                for key in (code, lgd, name, hindi):
                    if key:
                        self._states[norm(key)] = pk
        return self._states.get(norm(text))

    def district(self, state_id, text):
        """The district's pk in ``state_id``, or None. Codes are unique across
        the country, so with ``state_id`` None a code alone resolves."""
        if self._districts is None:
            self._districts = {}
            for pk, state, code, lgd, name in District.objects.values_list(
                "pk", "state_id", "code", "lgd_code", "name"
            ):
                for key in (code, lgd, name):
                    if key:
                        self._districts.setdefault((state, norm(key)), pk)
                        if key != name:
                            self._districts[(None, norm(key))] = pk
        return self._districts.get((state_id, norm(text)))


class Villages:
    """The villages of ``queryset`` by (block, village) name and LGD code,
    each as (village pk, block pk, district pk)."""

    def __init__(self, queryset):
        self.by_name, self.by_lgd = {}, {}
        rows = queryset.values_list(
            "pk", "block_id", "district_id", "name", "block__name", "lgd_code"
        )
        for pk, block, district, name, block_name, lgd in rows:
            place = (pk, block, district)
            self.by_name[(norm(block_name), norm(name))] = place
            if lgd:
                self.by_lgd[lgd] = place

    def find(self, block, village, lgd=None):
        """An LGD code, when given, decides; else the names."""
        if lgd is not None:
            return self.by_lgd.get(lgd)
        return self.by_name.get((norm(block), norm(village)))
