/**
 * The HTML report's map: an inline SVG of Syria (a simplified border), each governorate as the
 * outline around the gazetteer's places in it (their convex hull) with its name at its centre,
 * and one point per located incident, linked to the incident, sized by its killed figure,
 * hollow when the place is known only roughly (UCDP `where_prec` above 2). Nothing is fetched:
 * no tiles, no fonts. Presentation attributes only (the page's CSP allows no inline style).
 */
import type { Incident } from '../model/contract.js';
import { tollOf } from './facts.js';
import { GOVERNORATE_CENTRES, SYRIA_BOX, SYRIA_OUTLINE, locate, type Gazetteer } from './geo.js';
import { html, type Html } from './html-text.js';

const WIDTH = 640;
/** longitude degrees shrink with latitude: at Syria's middle (34.8° N) one is 0.82 of a latitude degree */
const ASPECT = Math.cos((34.8 * Math.PI) / 180);
const SCALE = WIDTH / ((SYRIA_BOX.east - SYRIA_BOX.west) * ASPECT);
const HEIGHT = Math.round((SYRIA_BOX.north - SYRIA_BOX.south) * SCALE);

const r1 = (x: number): number => Math.round(x * 10) / 10;
export const project = (lon: number, lat: number): [number, number] =>
  [r1((lon - SYRIA_BOX.west) * ASPECT * SCALE), r1((SYRIA_BOX.north - lat) * SCALE)];

const points = (ps: readonly (readonly [number, number])[]): string => ps.map(([lon, lat]) => project(lon, lat).join(',')).join(' ');

/** The convex hull of points (monotone chain), counter-clockwise. */
export const hull = (ps: readonly (readonly [number, number])[]): (readonly [number, number])[] => {
  const s = [...new Map(ps.map((p) => [p.join(','), p])).values()].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (s.length < 3) return s;
  const cross = (o: readonly number[], a: readonly number[], b: readonly number[]): number => (a[0]! - o[0]!) * (b[1]! - o[1]!) - (a[1]! - o[1]!) * (b[0]! - o[0]!);
  const half = (xs: readonly (readonly [number, number])[]) => {
    const out: (readonly [number, number])[] = [];
    for (const p of xs) {
      while (out.length >= 2 && cross(out[out.length - 2]!, out[out.length - 1]!, p) <= 0) out.pop();
      out.push(p);
    }
    return out.slice(0, -1);
  };
  return [...half(s), ...half([...s].reverse())];
};

/** Each governorate's outline: the hull of its centre and of every gazetteer place in it that has coordinates. */
const governorates = (gaz: Gazetteer): { id: string; name: string; outline: (readonly [number, number])[] }[] =>
  Object.entries(GOVERNORATE_CENTRES).map(([id, centre]) => {
    const own = [...gaz.values()].filter((p) => p.governorate === id && p.lat !== undefined && p.lon !== undefined)
      .map((p) => [p.lon!, p.lat!] as const);
    return { id, name: gaz.get(id)?.name ?? id, outline: hull([centre, ...own]) };
  });

const radius = (inc: Incident): number => {
  const t = tollOf(inc, 'killed', 'all') ?? tollOf(inc, 'killed', 'civilians');
  const n = t?.best ?? t?.min ?? 0;
  return r1(4 + Math.min(10, Math.sqrt(n)));
};

/** The map section; empty when no incident can be located. */
export const renderMap = (incidents: readonly Incident[], gaz: Gazetteer): Html => {
  const located = incidents.map((inc) => ({ inc, at: locate(gaz)(inc) })).filter((x) => x.at.latitude !== null && x.at.longitude !== null);
  const govs = governorates(gaz);
  return html`<section id="map" aria-labelledby="map-title">
<h2 id="map-title">Map</h2>
<p class="muted">${located.length} of ${incidents.length} incident(s) located from the gazetteer's coordinates; a hollow point is placed only roughly (its district, governorate or a place containing it). Open an incident from its point.</p>
<svg class="map" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="Map of Syria's governorates with the incidents" xmlns="http://www.w3.org/2000/svg">
<defs><clipPath id="map-country"><polygon points="${points(SYRIA_OUTLINE)}"/></clipPath></defs>
<polygon class="country" points="${points(SYRIA_OUTLINE)}" fill="#f4f1ea" stroke="#8a8170" stroke-width="1.5"/>
<g clip-path="url(#map-country)">${govs.map((g) => html`<g class="governorate" data-governorate="${g.id}">${g.outline.length >= 3 ? html`<polygon points="${points(g.outline)}" fill="#e6e1d3" fill-opacity="0.6" stroke="#b5ab95" stroke-width="0.8" stroke-dasharray="3 2"/>` : ''}<text x="${project(...GOVERNORATE_CENTRES[g.id]!)[0]}" y="${project(...GOVERNORATE_CENTRES[g.id]!)[1]}" font-size="10" fill="#6b6455" text-anchor="middle">${g.name}</text></g>`)}</g>
${located.map(({ inc, at }) => {
    const [x, y] = project(at.longitude!, at.latitude!);
    const rough = at.wherePrec > 2;
    return html`<a href="#${encodeURIComponent(inc.id)}" class="map-point" data-incident="${inc.id}" data-lat="${at.latitude}" data-lon="${at.longitude}" data-where-prec="${at.wherePrec}"><circle cx="${x}" cy="${y}" r="${radius(inc)}" fill="${rough ? '#ffffff' : '#c0392b'}" fill-opacity="${rough ? '0.4' : '0.75'}" stroke="#7b1d12" stroke-width="1.5"${rough ? html` stroke-dasharray="3 2"` : ''}/><title>${inc.date ? `${inc.date.start}${inc.date.end !== inc.date.start ? ` – ${inc.date.end}` : ''}` : 'undated'} · ${at.place?.name ?? ''}</title></a>`;
  })}
</svg>
</section>`;
};
