#!/usr/bin/env python3
"""Writes a realistic Indico 3.x event of N talks, in the exact shape of the LPC 2021 fixtures.

    build-aux/generate-event.py --talks 2000 --seed 1 OUTDIR

OUTDIR gets export-timetable-<id>.json and export-event-<id>-contributions.json, as Indico's
/export/timetable/<id>.json and /export/event/<id>.json?detail=contributions answer. The same
seed always gives the same bytes.
"""

import argparse
import datetime
import hashlib
import json
import os
import random

FIRST = ["Ada", "Grace", "Linus", "Ingo", "Jürgen", "Zoë", "Søren", "Małgorzata", "Chloé",
         "José", "Wei", "Yūki", "Ольга", "Dmitrij", "Aurélien", "Björn", "Núria", "Kateřina",
         "Ömer", "Priya", "Thandiwe", "Mateus", "Élodie", "Łukasz", "Hiroshi", "Fatma", "Anaïs",
         "Sigurður", "Ilkka", "Renée", "Paul", "Jonathan", "Miguel", "Sarah", "Kees", "Amélie"]
FAMILY = ["Lovelace", "Hopper", "Torvalds", "Molnar", "Groß", "Østergaard", "Brzęczyszczykiewicz",
          "Müller", "Ñúñez", "Zhang", "Tanaka", "Иванова", "Čapek", "Şahin", "Iyer", "Nkosi",
          "Gonçalves", "Lefèvre", "Kowalski", "Sato", "Yılmaz", "Dubois", "Jónsson", "Virtanen",
          "O'Brien", "van der Berg", "McKenney", "Corbet", "Rostedt", "Kroah", "Fernández"]
AFFILIATIONS = ["Red Hat", "SUSE", "Google", "Meta", "Intel", "Arm", "Canonical", "Collabora",
                "Igalia", "IBM", "Oracle", "Microsoft", "Linaro", "NVIDIA", "AMD", "Université Paris-Saclay",
                "Technische Universität München", "東京大学", "Universidade de São Paulo", ""]
WORDS = ("kernel scheduler memory reclaim BPF verifier io_uring tracing perf filesystem btrfs "
         "ext4 XFS networking XDP netfilter RCU locking preemption real-time Rust compiler GCC "
         "LLVM toolchain linker debugging testing KUnit fuzzing syzkaller virtualization KVM "
         "containers cgroups namespaces security LSM Landlock boot firmware ACPI devicetree GPU "
         "DRM Wayland audio PipeWire power thermal energy RISC-V ARM64 x86 maintainers "
         "regressions CI documentation").split()
TRACKS = ["LPC Refereed Track", "Kernel Summit Track", "Networking and BPF Summit",
          "LPC Microconference", "GNU Tools Track", "Birds of a Feather (BoF)"]
PALETTE = [("#dfebff", "#0d316f"), ("#e3f2d3", "#202020"), ("#fde9e7", "#6b1d17"),
           ("#f2e5f7", "#3d1a4a"), ("#fff4cc", "#4a3b00"), ("#e0f5f2", "#0f3d36")]
TZ = "America/New_York"
BASE = "https://lpc.events/"


def sentence(rng, lo, hi):
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    return " ".join(words).capitalize()


def abstract(rng):
    target = rng.randint(200, 1500)
    paragraphs, length = [], 0
    while length < target:
        paragraph = ". ".join(sentence(rng, 6, 18) for _ in range(rng.randint(2, 5))) + "."
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:target]


def date_obj(moment):
    return {"date": moment.strftime("%Y-%m-%d"), "time": moment.strftime("%H:%M:%S"), "tz": TZ}


def event_date_obj(moment):
    return {"date": moment.strftime("%Y-%m-%d"), "time": moment.strftime("%H:%M:%S"), "tz": TZ}


def person_pool(rng, size):
    people = []
    for index in range(size):
        first, family = rng.choice(FIRST), rng.choice(FAMILY)
        email = f"{first} {family} {index}@example.invalid"
        people.append({
            "person_id": 100000 + index,
            "first": first,
            "family": family,
            "affiliation": rng.choice(AFFILIATIONS),
            "hash": hashlib.md5(email.encode()).hexdigest(),
        })
    return people


def tt_person(person, order):
    return {"firstName": person["first"], "familyName": person["family"],
            "affiliation": person["affiliation"], "emailHash": person["hash"],
            "name": f"{person['first']} {person['family']}",
            "displayOrderKey": [order, f"{person['family']}, {person['first']}"]}


def ev_person(person, link_id):
    return {"_type": "ContributionParticipation", "_fossil": "contributionParticipationMetadata",
            "first_name": person["first"], "last_name": person["family"],
            "fullName": f"{person['family']}, {person['first']}", "id": str(link_id),
            "affiliation": person["affiliation"], "emailHash": person["hash"],
            "db_id": link_id, "person_id": person["person_id"]}


def generate(talks, seed, event_id):
    rng = random.Random(seed)
    days = [datetime.datetime(2026, 9, 14) + datetime.timedelta(days=d) for d in range(5)]
    # Two 4-hour blocks a day per room hold about 14 talks: size the rooms to fit N talks.
    rooms = max(2, -(-talks // (5 * 12)))
    people = person_pool(rng, max(20, talks // 3))
    ids = {"entry": 5001, "contribution": 941, "session": 100, "block": 301, "link": 12000}
    timetable = {d.strftime("%Y%m%d"): {} for d in days}
    contributions = []
    made = 0

    def next_id(kind):
        ids[kind] += 1
        return ids[kind] - 1

    sessions = [(f"Session {r + 1}: {sentence(rng, 2, 4)}", r) for r in range(rooms)]
    for day in days:
        for room_index in range(rooms):
            if made >= talks:
                break
            session_title, _ = sessions[room_index]
            session_id = 100 + room_index
            color, text_color = PALETTE[room_index % len(PALETTE)]
            room = f"Room {room_index + 1:03d}/Virtual-Room"
            track = TRACKS[room_index % len(TRACKS)]
            for block_start_hour in (9, 14):
                if made >= talks:
                    break
                start = day.replace(hour=block_start_hour)
                end = start + datetime.timedelta(hours=4)
                block_entry = next_id("entry")
                block_id = next_id("block")
                conveners = [tt_person(p, i) for i, p in enumerate(rng.sample(people, rng.randint(0, 2)))]
                entries = {}
                cursor = start
                break_done = False
                while made < talks:
                    if not break_done and cursor >= start + datetime.timedelta(hours=2):
                        b_end = cursor + datetime.timedelta(minutes=30)
                        b_id = next_id("entry")
                        entries[f"b{b_id}"] = {
                            "startDate": date_obj(cursor), "endDate": date_obj(b_end),
                            "id": f"b{b_id}", "uniqueId": f"b{b_id}", "conferenceId": event_id,
                            "color": "#90c0f0", "textColor": "#202020", "location": "LPC Virtual",
                            "room": room, "inheritLoc": True, "inheritRoom": True,
                            "entryType": "Break", "_type": "BreakTimeSchEntry",
                            "_fossil": "breakTimeSchEntry", "description": "", "duration": 30.0,
                            "sessionId": session_id, "sessionCode": "", "sessionSlotId": block_id,
                            "sessionSlotEntryId": block_entry, "title": "Coffee break"}
                        cursor = b_end
                        break_done = True
                        continue
                    minutes = rng.choice((20, 25, 30, 40, 45))
                    t_end = cursor + datetime.timedelta(minutes=minutes)
                    if t_end > end:
                        break
                    c_entry = next_id("entry")
                    c_id = next_id("contribution")
                    speakers = rng.sample(people, rng.randint(1, 4))
                    title = sentence(rng, 3, 10)
                    text = abstract(rng)
                    entries[f"c{c_entry}"] = {
                        "startDate": date_obj(cursor), "endDate": date_obj(t_end),
                        "conferenceId": event_id, "location": "LPC Virtual", "room": room,
                        "inheritLoc": True, "inheritRoom": True, "description": text,
                        "duration": float(minutes), "sessionId": session_id, "sessionCode": "",
                        "sessionSlotId": block_id, "sessionSlotEntryId": block_entry,
                        "title": title, "id": f"c{c_entry}", "uniqueId": f"c{c_entry}",
                        "color": color, "textColor": text_color, "entryType": "Contribution",
                        "_type": "ContribSchEntry", "_fossil": "contribSchEntryDisplay",
                        "contributionId": c_id, "attachments": {"files": None, "folders": []},
                        "pdf": f"/event/{event_id}/contributions/{c_id}/contribution.pdf",
                        "presenters": [tt_person(p, i) for i, p in enumerate(speakers)],
                        "code": "", "url": f"/event/{event_id}/contributions/{c_id}/",
                        "friendlyId": c_id - 940, "references": [], "board_number": "",
                        "authors": []}
                    contributions.append({
                        "_type": "Contribution", "_fossil": "contributionMetadata",
                        "id": str(c_id - 940), "db_id": c_id, "friendly_id": c_id - 940,
                        "title": title, "description": text, "code": "", "board_number": "",
                        "keywords": [], "startDate": event_date_obj(cursor),
                        "endDate": event_date_obj(t_end), "duration": minutes, "room": room,
                        "roomFullname": room, "location": "LPC Virtual", "type": None,
                        "track": track, "session": session_title,
                        "speakers": [ev_person(p, next_id("link")) for p in speakers],
                        "primaryauthors": [], "coauthors": [], "references": [], "folders": [],
                        "material": [], "note": {},
                        "url": f"{BASE}event/{event_id}/contributions/{c_id}/"})
                    made += 1
                    cursor = t_end
                timetable[day.strftime("%Y%m%d")][f"s{block_entry}"] = {
                    "startDate": date_obj(start), "endDate": date_obj(end),
                    "id": f"s{block_entry}", "uniqueId": f"s{block_entry}",
                    "conferenceId": event_id, "color": color, "textColor": text_color,
                    "location": "LPC Virtual", "room": room, "inheritLoc": False,
                    "inheritRoom": False, "entryType": "Session", "sessionSlotId": block_id,
                    "sessionId": session_id, "sessionCode": "", "title": session_title,
                    "slotTitle": "", "attachments": {"files": None, "folders": []}, "code": "",
                    "contribDuration": 30.0, "conveners": conveners,
                    "description": abstract(rng), "duration": 240.0, "isPoster": False,
                    "entries": entries,
                    "pdf": f"/event/{event_id}/sessions/{session_id}/session-timetable.pdf",
                    "url": f"/event/{event_id}/sessions/{session_id}/", "friendlyId": room_index + 1}

    envelope = {"count": 1, "additionalInfo": {}, "ts": 1789000000,
                "url": f"{BASE}export/timetable/{event_id}.json", "_type": "HTTPAPIResult",
                "results": {str(event_id): timetable}}
    event = {"_type": "Conference", "id": str(event_id),
             "title": f"Generated Plumbers Conference ({talks} talks)", "description": "",
             "startDate": event_date_obj(days[0].replace(hour=9)),
             "endDate": event_date_obj(days[-1].replace(hour=18)), "timezone": TZ, "room": "",
             "roomFullname": "", "location": "LPC Virtual", "address": "", "type": "conference",
             "references": [], "_fossil": "conferenceMetadataWithContribs", "categoryId": 1,
             "category": "Generated", "note": {}, "url": f"{BASE}event/{event_id}/",
             "contributions": contributions}
    event_envelope = {"count": 1, "additionalInfo": {}, "ts": 1789000000,
                      "url": f"{BASE}export/event/{event_id}.json?detail=contributions&tz={TZ}",
                      "_type": "HTTPAPIResult", "results": [event]}
    return envelope, event_envelope, made


def dump(value, path):
    # Indico writes compact separators and escapes every '/'.
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False).replace("/", "\\/")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--talks", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--event-id", type=int, default=90)
    parser.add_argument("outdir")
    args = parser.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    timetable, event, made = generate(args.talks, args.seed, args.event_id)
    dump(timetable, os.path.join(args.outdir, f"export-timetable-{args.event_id}.json"))
    dump(event, os.path.join(args.outdir, f"export-event-{args.event_id}-contributions.json"))
    print(f"{made} talks in {args.outdir}")


if __name__ == "__main__":
    main()
