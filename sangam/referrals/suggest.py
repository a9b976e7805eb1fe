"""Services that fit the person a referral is for."""

from sangam.directory import search

LIMIT = 5


def suggestions(*, need, age, sex, language, district, exclude_agency=None):
    """The best few active services for a need, nearest first, with a bed first
    when the need is shelter. Widens step by step when nothing fits."""
    point = (district.latitude, district.longitude) if district else None
    base = {
        "term": need.code if need else "",
        "age": age,
        "sex": sex if sex in ("female", "male", "transgender") else "",
        "near": point,
        "radius_km": 250 if point else None,
    }
    exact = {**base, "language": language}
    attempts = [exact]
    if need and (need.code == "shelter" or need.code.startswith("shelter-")):
        # For a bed, a shelter with one free today comes first.
        attempts.insert(0, {**exact, "has_bed": True})
    attempts.append(base)  # then any language
    if point:
        attempts.append({**base, "radius_km": None})  # then any distance
    for attempt in attempts:
        rows = search.search(search.Query(**attempt))
        if exclude_agency is not None:
            rows = rows.exclude(service__organization__agency=exclude_agency)
        found = list(rows[:LIMIT])
        if found:
            for row in found:
                row.distance_km = search.distance_km(row)
            widened = attempt is not exact and not attempt.get("has_bed")
            return found, widened
    return [], False
