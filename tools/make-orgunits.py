#!/usr/bin/env python3
"""Regenerates the pack's mission and site lists from the UN and Geo-PKO sources in ../shared/data.

Run from the repository root: python3 tools/make-orgunits.py ../shared/data
The output files are committed; the product never reads ../shared at run time.
"""
import csv, re, sys, collections

data = sys.argv[1] if len(sys.argv) > 1 else '../shared/data'
out = 'src/main/resources/pack/orgunits'

# Corrections the UN list does not yet reflect (see shared/data/README.md).
END_CORRECTIONS = {'MINUSMA': ('2023-12-31', 'closed on 31 December 2023 (S/RES/2690 (2023))')}

# Missions that appear in UN datasets but not on the peacekeeping-operations list: special
# political missions and offices (scope SPM), and the Secretariat itself (scope OTHER).
OTHER_MISSIONS = [
    ('BINUH', 'United Nations Integrated Office in Haiti', 'SPM'),
    ('BONUCA', 'United Nations Peacebuilding Support Office in the Central African Republic', 'SPM'),
    ('OSESGY', 'Office of the Special Envoy of the Secretary-General for Yemen', 'SPM'),
    ('OSESyria', 'Office of the Special Envoy of the Secretary-General for Syria', 'SPM'),
    ('UNAMA', 'United Nations Assistance Mission in Afghanistan', 'SPM'),
    ('UNAMET', 'United Nations Mission in East Timor', 'SPM'),
    ('UNAMI', 'United Nations Assistance Mission for Iraq', 'SPM'),
    ('UNIOGBIS', 'United Nations Integrated Peacebuilding Office in Guinea-Bissau', 'SPM'),
    ('UNIOSIL', 'United Nations Integrated Office in Sierra Leone', 'SPM'),
    ('UNIPSIL', 'United Nations Integrated Peacebuilding Office in Sierra Leone', 'SPM'),
    ('UNITAMS', 'United Nations Integrated Transition Assistance Mission in Sudan', 'SPM'),
    ('UNMA', 'United Nations Mission in Angola', 'SPM'),
    ('UNMAO', 'United Nations Mission in Angola (office)', 'SPM'),
    ('UNMC', 'United Nations Mission in Colombia', 'SPM'),
    ('UNMHA', 'United Nations Mission to support the Hodeidah Agreement', 'SPM'),
    ('UNMIN', 'United Nations Mission in Nepal', 'SPM'),
    ('UNOAU', 'United Nations Office to the African Union', 'SPM'),
    ('UNOWA', 'United Nations Office for West Africa', 'SPM'),
    ('UNOWAS', 'United Nations Office for West Africa and the Sahel', 'SPM'),
    ('UNPOS', 'United Nations Political Office for Somalia', 'SPM'),
    ('UNSMIL', 'United Nations Support Mission in Libya', 'SPM'),
    ('UNSOM', 'United Nations Assistance Mission in Somalia', 'SPM'),
    ('UNSOS', 'United Nations Support Office in Somalia', 'SPM'),
    ('UNTAG', 'United Nations Transition Assistance Group', 'SPM'),
    ('UNTMIS', 'United Nations Transitional Assistance Mission in Somalia', 'SPM'),
    ('UNVMC', 'United Nations Verification Mission in Colombia', 'SPM'),
    ('UNSecretariat', 'United Nations Secretariat (not a mission)', 'OTHER'),
    ('UNSPECIFIED', 'Mission not given (monthly reports of 2018-03 to 2019-08 had no mission breakdown)', 'OTHER'),
]

rows = list(csv.DictReader(open(f'{data}/missions/DPPADPOSS-PKO_2024-02-19_normalized.csv', encoding='utf-8')))
with open(f'{out}/missions.csv', 'w', newline='', encoding='utf-8') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(['code', 'name', 'scope', 'start_date', 'end_date', 'hq', 'latitude', 'longitude', 'note'])
    for r in sorted(rows, key=lambda r: r['mission_acronym']):
        code = r['mission_acronym']
        end, note = r['end_date'], ''
        if code in END_CORRECTIONS:
            end, note = END_CORRECTIONS[code]
        if r['coords_swapped_in_source'] == 'yes':
            note = (note + '; ' if note else '') + 'coordinates swapped in source, corrected'
        w.writerow([code, r['mission_name'].strip('" '), 'PKO', r['start_date'], end, r['mission_location'],
                    r['mission_latitude'], r['mission_longitude'], note])
    for code, name, scope in OTHER_MISSIONS:
        w.writerow([code, name, scope, '', '', '', '', '', 'not on the DPPADPOSS-PKO list'])

known = {r['mission_acronym'] for r in rows} | {m[0] for m in OTHER_MISSIONS}
sites = collections.OrderedDict()
for r in csv.DictReader(open(f'{data}/missions/geopko-v2.3_locations.csv', encoding='utf-8')):
    if r['mission'] not in known or not r['latitude'] or not r['longitude']:
        continue
    slug = re.sub(r'[^A-Z0-9]+', '-', r['location'].upper()).strip('-')
    code = f"{r['mission']}-{slug}"
    s = sites.setdefault(code, dict(code=code, mission=r['mission'], name=r['location'], country=r['country'],
                                    latitude=r['latitude'], longitude=r['longitude'],
                                    first_year=r['year'], last_year=r['year'], hq=r['hq']))
    s['first_year'] = min(s['first_year'], r['year'])
    s['last_year'] = max(s['last_year'], r['year'])
    s['hq'] = max(s['hq'], r['hq'])
with open(f'{out}/sites.csv', 'w', newline='', encoding='utf-8') as f:
    w = csv.DictWriter(f, fieldnames=['code', 'mission', 'name', 'country', 'latitude', 'longitude',
                                      'first_year', 'last_year', 'hq'], lineterminator='\n')
    w.writeheader()
    for s in sorted(sites.values(), key=lambda s: s['code']):
        w.writerow(s)
print(f'{len(rows) + len(OTHER_MISSIONS)} missions, {len(sites)} sites')
