// The districts of a municipality coloured by the level of one need area,
// with the offers a gap points at. No tile server: the shapes are Lotse's own.
import { useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { levelColours, type Level } from './model';

export interface ChoroplethDistrict {
  id: string;
  name: string;
  boundary?: unknown;
  centre?: { lat: number; lon: number } | null;
  level?: Level;
  text: string;
}

export interface MapPoint {
  id: string;
  title: string;
  lat: number;
  lon: number;
  href: string;
}

export default function ChoroplethMap({ districts, points, label }: { districts: ChoroplethDistrict[]; points: MapPoint[]; label: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const map = L.map(el.current, { attributionControl: false, zoomSnap: 0.25, keyboard: true });
    const shapes = L.featureGroup().addTo(map);
    const tagged: [L.GeoJSON, string][] = [];
    for (const d of districts) {
      const c = d.level ? levelColours[d.level] : { fill: '#dddddd', text: '#1a1a1a' };
      if (d.boundary) {
        const layer = L.geoJSON(d.boundary as GeoJSON.GeoJsonObject, {
          style: { color: '#1a1a1a', weight: 1.2, fillColor: c.fill, fillOpacity: 0.75 },
        });
        layer.bindTooltip(`${d.name}: ${d.text}`, { sticky: true });
        shapes.addLayer(layer);
        tagged.push([layer, d.name]);
      }
      if (d.centre) {
        L.marker([d.centre.lat, d.centre.lon], {
          icon: L.divIcon({ className: 'district-label', html: escapeHtml(d.name), iconSize: undefined }),
          keyboard: false,
          interactive: false,
        }).addTo(map);
      }
    }
    for (const p of points) {
      const m = L.marker([p.lat, p.lon], {
        icon: L.divIcon({ className: 'gap-marker', html: '<span aria-hidden="true"></span>', iconSize: [16, 16] }),
        title: p.title,
        alt: p.title,
        keyboard: true,
      }).addTo(map);
      m.bindTooltip(p.title);
      m.on('click keypress', () => window.location.assign(p.href));
    }
    const b = shapes.getBounds();
    if (b.isValid()) map.fitBounds(b.pad(0.05));
    else map.setView([51.2, 7.1], 11);
    // Drawn now (the map has a view): each shape's SVG path names its district.
    for (const [layer, name] of tagged) layer.eachLayer((l) => (l as L.Path).getElement?.()?.setAttribute('data-district', name));
    el.current.setAttribute('role', 'region');
    el.current.setAttribute('aria-label', label);
    return () => {
      map.remove();
    };
  }, [districts, points, label]);
  return <div ref={el} className="map" data-testid="choropleth" />;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
