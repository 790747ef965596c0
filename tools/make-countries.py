#!/usr/bin/env python3
"""Makes the map's shipped country boundaries from Natural Earth's 1:50m countries in ../shared/data.

Run from the repository root: python3 tools/make-countries.py ../shared/data
Simplifies each ring (Douglas-Peucker, tolerance below, in degrees), rounds coordinates to two
decimals (about 1 km), drops rings that collapse, and keeps each country's M49 id and name.
The output is committed; the product never reads ../shared at run time.
"""
import json, sys

data = sys.argv[1] if len(sys.argv) > 1 else '../shared/data'
source = data + '/geo/countries-50m.geojson'
out = 'src/main/resources/static/geo/countries.geojson'
TOLERANCE = 0.03  # degrees: about 3 km, finer than a mission map's smallest zoom shows


def perpendicular(point, start, end):
    (x, y), (x1, y1), (x2, y2) = point, start, end
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / (dx * dx + dy * dy) ** 0.5


def simplify(points):
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, distance = None, TOLERANCE
        for i in range(first + 1, last):
            d = perpendicular(points[i], points[first], points[last])
            if d > distance:
                farthest, distance = i, d
        if farthest is not None:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [p for p, k in zip(points, keep) if k]


def ring(points):
    rounded = []
    for x, y in simplify(points):
        point = [round(x, 2), round(y, 2)]
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    if rounded and rounded[0] != rounded[-1]:
        rounded.append(rounded[0])
    return rounded if len(rounded) >= 4 else None


features = []
for feature in json.load(open(source, encoding='utf-8'))['features']:
    geometry = feature['geometry']
    if geometry is None:
        continue
    polygons = [geometry['coordinates']] if geometry['type'] == 'Polygon' else geometry['coordinates']
    kept = []
    for polygon in polygons:
        rings = [r for r in (ring(points) for points in polygon) if r]
        if rings and rings[0] == ring(polygon[0]):
            kept.append(rings)
    if kept:
        features.append({'type': 'Feature', 'id': feature.get('id'), 'properties': {'name': feature['properties']['name']},
                         'geometry': {'type': 'MultiPolygon', 'coordinates': kept}})

with open(out, 'w', encoding='utf-8') as f:
    json.dump({'type': 'FeatureCollection', 'features': features}, f, separators=(',', ':'), ensure_ascii=False)
print(out, len(features), 'countries')
