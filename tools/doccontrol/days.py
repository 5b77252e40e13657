"""The organisation's calendar: which day a moment falls on, and which day it is now.

A commit's date carries its committer's own UTC offset, so one moment can be a day in Shanghai
and the day before on a forge or CI runner that records UTC. With ``timezone`` in
doccontrol.yml, every day history derives (approvals, the days versions take effect,
acknowledgements, issued copies) and "today" are the organisation's; without it each day is
the committer's own, and today is the machine's.
"""

from __future__ import annotations

import datetime
import functools
import re
import zoneinfo

# a fixed offset ("+08:00", "-05:30") or UTC; anything else is an IANA name (Asia/Shanghai)
_OFFSET = re.compile(r"([+-])(\d{2}):(\d{2})")


@functools.cache
def zone(name: str | None) -> datetime.tzinfo | None:
    """The time zone ``name`` names, or None (no name, or one that names no zone)."""
    if not name:
        return None
    if name.upper() in ("UTC", "Z"):
        return datetime.UTC
    offset = _OFFSET.fullmatch(name)
    if offset:
        sign, hours, minutes = offset.groups()
        if int(hours) > 23 or int(minutes) > 59:
            return None
        delta = datetime.timedelta(hours=int(hours), minutes=int(minutes))
        return datetime.timezone(-delta if sign == "-" else delta)
    # only a zone the tz database lists: not a folder of it ("Asia"), nor "localtime" (the
    # machine's own), nor the leap-second "right/" copies, nor a path
    if name not in _listed():
        return None
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return None


@functools.cache
def _listed() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones()) - {"localtime", "posixrules", "Factory"}


def in_zone(date: str, tz: datetime.tzinfo | None) -> str:
    """A git ISO 8601 date as the same moment in ``tz``, in the same form (``[:10]`` is then
    its day there); unchanged without a zone, or when it is no such date."""
    if tz is None or not date:
        return date
    try:
        moment = datetime.datetime.fromisoformat(date)
    except ValueError:
        return date
    if moment.tzinfo is None:
        return date
    try:
        local = moment.astimezone(tz)
    except OverflowError:  # a moment past the calendar's end there: its own day stands
        return date
    # already written in the zone's offset (most commits): as it is, unformatted again
    return date if local.utcoffset() == moment.utcoffset() else local.isoformat()


def today(tz: datetime.tzinfo | None) -> datetime.date:
    """Today in ``tz`` (the machine's own day without one)."""
    return datetime.datetime.now(tz).date() if tz is not None else datetime.date.today()
