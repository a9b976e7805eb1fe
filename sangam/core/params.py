"""Shared parameter types of the API, bounded so that every value a client
may send is one the database can hold (a client sending more gets a 422
that the OpenAPI document announces, never a 500 from the database).

``Pagination`` is limit/offset paging with both bounded; ``PAGE`` bounds a
page number; ``Moment`` is a date-time whose time-zone offset PostgreSQL can
store (±15:59; Python allows up to ±23:59) and whose year is four digits.
"""

from datetime import datetime, timedelta
from typing import Annotated

from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination
from pydantic import AfterValidator

# Far beyond any register's size, well inside SQL's 64-bit integers.
MAX_OFFSET = 10**9
MAX_LIMIT = 1000
MAX_PAGE = 10**7
MAX_OFFSET_OF_TIME_ZONE = timedelta(hours=15, minutes=59)


class Pagination(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(100, ge=1, le=MAX_LIMIT)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)


def _storable(value):
    offset = value.utcoffset()
    if offset is not None and abs(offset) > MAX_OFFSET_OF_TIME_ZONE:
        raise ValueError("the time-zone offset must be within ±15:59")
    if not 1 <= value.year <= 9999 or (offset and not 1 < value.year < 9999):
        raise ValueError("the year must be from 1 to 9999")
    return value


Moment = Annotated[datetime, AfterValidator(_storable)]
PAGE = Field(1, ge=1, le=MAX_PAGE)
