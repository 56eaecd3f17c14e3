#!/usr/bin/env python3
"""Reads an .ics as a calendar application would (python3-icalendar) and prints what it
would import, as JSON: the calendar's name and each event, its times in the given zone.
Usage: ics_check.py FILE ZONE"""
import json
import sys
from zoneinfo import ZoneInfo

from icalendar import Calendar

path, zone = sys.argv[1], ZoneInfo(sys.argv[2])
with open(path, "rb") as f:
    calendar = Calendar.from_ical(f.read())


def local(component, name):
    return component.get(name).dt.astimezone(zone).strftime("%Y-%m-%dT%H:%M")


events = []
for e in calendar.walk("VEVENT"):
    events.append({
        "uid": str(e.get("uid")),
        "summary": str(e.get("summary")),
        "description": str(e.get("description", "")),
        "location": str(e.get("location", "")),
        "url": str(e.get("url", "")),
        "status": str(e.get("status")),
        "start": local(e, "dtstart"),
        "end": local(e, "dtend"),
    })
print(json.dumps({"name": str(calendar.get("x-wr-calname")), "events": events}))
