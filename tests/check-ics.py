#!/usr/bin/env python3
"""Checks an .ics written by Plenary with a real iCalendar parser (python3-icalendar).

  check-ics.py ICS [--event-json FILE --host HOST] [--expect-events N]
               [--expect UID PROPERTY VALUE]...

With --event-json (an Indico export, detail=contributions), every scheduled contribution in it
must be in the calendar with its title, UTC times, URL and location.
"""
import argparse
import datetime
import json
import re
import sys
import zoneinfo

import icalendar


def fail(message):
    print(f'check-ics: {message}', file=sys.stderr)
    sys.exit(1)


def check_raw(data):
    if not data.endswith(b'\r\n'):
        fail('does not end with CRLF')
    for number, line in enumerate(data.split(b'\r\n')[:-1], 1):
        if len(line) > 75:
            fail(f'line {number} has {len(line)} octets: {line[:40]!r}…')
        if b'\n' in line or b'\r' in line:
            fail(f'line {number} has a bare line end')
        try:
            line.decode('utf-8')
        except UnicodeDecodeError:
            fail(f'line {number} splits a UTF-8 sequence')


def utc(indico_date):
    local = datetime.datetime.fromisoformat(f"{indico_date['date']}T{indico_date['time']}")
    local = local.replace(tzinfo=zoneinfo.ZoneInfo(indico_date['tz']))
    return local.astimezone(datetime.timezone.utc)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('ics')
    parser.add_argument('--event-json')
    parser.add_argument('--host')
    parser.add_argument('--expect-events', type=int)
    parser.add_argument('--expect', nargs=3, action='append', default=[],
                        metavar=('UID', 'PROPERTY', 'VALUE'))
    args = parser.parse_args()

    with open(args.ics, 'rb') as f:
        data = f.read()
    check_raw(data)

    calendar = icalendar.Calendar.from_ical(data)
    if str(calendar.get('version')) != '2.0':
        fail('VERSION is not 2.0')
    if not re.fullmatch(r'-//Plenary//Plenary [0-9.]+//EN', str(calendar.get('prodid'))):
        fail(f"PRODID {calendar.get('prodid')!r}")
    if str(calendar.get('calscale')) != 'GREGORIAN' or str(calendar.get('method')) != 'PUBLISH':
        fail('CALSCALE or METHOD')

    events = {}
    for event in calendar.walk('VEVENT'):
        uid = str(event.get('uid'))
        if uid in events:
            fail(f'duplicate UID {uid}')
        for name in ('dtstamp', 'dtstart', 'dtend', 'summary'):
            if event.get(name) is None:
                fail(f'{uid} has no {name.upper()}')
        for name in ('dtstamp', 'dtstart', 'dtend'):
            value = event.get(name).dt
            if value.utcoffset() != datetime.timedelta(0):
                fail(f'{uid} {name.upper()} is not UTC')
        if event.get('dtend').dt < event.get('dtstart').dt:
            fail(f'{uid} ends before it starts')
        events[uid] = event

    if args.expect_events is not None and len(events) != args.expect_events:
        fail(f'{len(events)} VEVENTs, expected {args.expect_events}')

    if args.event_json:
        with open(args.event_json, encoding='utf-8') as f:
            result = json.load(f)['results'][0]
        if str(calendar.get('x-wr-calname')) != result['title']:
            fail(f"X-WR-CALNAME {calendar.get('x-wr-calname')!r}")
        checked = 0
        for contribution in result['contributions']:
            if not contribution.get('startDate'):
                continue
            uid = f"indico-contribution-{contribution['db_id']}@{args.host}"
            event = events.get(uid)
            if event is None:
                fail(f'no VEVENT {uid}')
            if str(event.get('summary')) != contribution['title']:
                fail(f"{uid} SUMMARY {str(event.get('summary'))!r} != {contribution['title']!r}")
            if event.get('dtstart').dt != utc(contribution['startDate']):
                fail(f"{uid} DTSTART {event.get('dtstart').dt} != {utc(contribution['startDate'])}")
            if event.get('dtend').dt != utc(contribution['endDate']):
                fail(f'{uid} DTEND')
            if str(event.get('url')) != contribution['url']:
                fail(f"{uid} URL {event.get('url')!r}")
            location = f"{contribution['roomFullname']} ({contribution['location']})"
            if str(event.get('location')) != location:
                fail(f"{uid} LOCATION {str(event.get('location'))!r} != {location!r}")
            description = str(event.get('description'))
            speakers = contribution['speakers']
            # Names may carry a title ("Mr …") where the event shows them.
            if speakers and not (description.startswith('Speakers: ') and
                                 f"{speakers[0]['first_name']} {speakers[0]['last_name']}"
                                 in description.split('\n')[0]):
                fail(f'{uid} DESCRIPTION starts {description[:60]!r}')
            if not description.endswith(contribution['url']):
                fail(f'{uid} DESCRIPTION does not end with the URL')
            checked += 1
        print(f'check-ics: {checked} contributions match the event export')

    for uid, name, value in args.expect:
        event = events.get(uid)
        if event is None:
            fail(f'no VEVENT {uid}')
        actual = event.get(name)
        if actual is None:
            fail(f'{uid} has no {name}')
        actual = actual.dt.isoformat() if hasattr(actual, 'dt') else str(actual)
        if actual != value:
            fail(f'{uid} {name}: {actual!r} != {value!r}')

    print(f'check-ics: {len(events)} VEVENTs OK')


if __name__ == '__main__':
    main()
