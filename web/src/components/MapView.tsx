// The map: district outlines and offer markers on a plain background. No
// tile server: every shape comes from Lotse's own answers. Loaded lazily
// (Leaflet is a chunk of its own).
import { useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { t } from '../i18n/de';
import { navigate } from '../router';

export interface MapDistrict {
  id: string;
  name: string;
  centre?: { lat: number; lon: number } | null;
  radiusKm?: number | null;
  // GeoJSON Polygon/MultiPolygon, when the server has a boundary.
  boundary?: unknown;
}
export interface MapOffer {
  id: string;
  title: string;
  location?: { lat: number; lon: number } | null;
  provider?: { name: string };
}

export default function MapView({
  districts,
  offers,
  centre,
  onPick,
  label = t.directory.map,
}: {
  districts: MapDistrict[];
  offers: MapOffer[];
  centre?: { lat: number; lon: number; radiusKm?: number } | null;
  onPick?: (p: { lat: number; lon: number }) => void;
  label?: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  // Redraw only when what is shown changes, not on every render of the page.
  const sig = JSON.stringify([districts.map((d) => d.id), offers.map((o) => [o.id, o.location]), label]);
  const mapRef = useRef<L.Map | null>(null);
  const centreLayer = useRef<L.Layer | null>(null);
  const data = useRef({ districts, offers, centre });
  data.current = { districts, offers, centre };

  useEffect(() => {
    if (!el.current) return;
    const { districts, offers } = data.current;
    const map = L.map(el.current, { attributionControl: false, zoomSnap: 0.5, keyboard: true });
    const layers = L.featureGroup().addTo(map);
    for (const d of districts) {
      let shape: L.Layer | null = null;
      if (d.boundary) {
        shape = L.geoJSON(d.boundary as GeoJSON.GeoJsonObject, { style: { color: '#0b4f6c', weight: 1.5, fillOpacity: 0.06 } });
      } else if (d.centre && d.radiusKm) {
        shape = L.circle([d.centre.lat, d.centre.lon], { radius: d.radiusKm * 1000, color: '#0b4f6c', weight: 1.5, fillOpacity: 0.06, dashArray: '4 4' });
      }
      if (shape) {
        shape.bindTooltip(d.name, { sticky: true });
        layers.addLayer(shape);
      }
      if (d.centre) {
        layers.addLayer(
          L.marker([d.centre.lat, d.centre.lon], {
            icon: L.divIcon({ className: 'district-label', html: escapeHtml(d.name), iconSize: undefined }),
            keyboard: false,
            interactive: false,
          }),
        );
      }
    }
    const markers = L.featureGroup().addTo(map);
    for (const o of offers) {
      if (!o.location) continue;
      const m = L.marker([o.location.lat, o.location.lon], {
        icon: L.divIcon({ className: 'offer-marker', html: '<span aria-hidden="true"></span>', iconSize: [18, 18] }),
        title: o.title,
        alt: o.title,
        keyboard: true,
      });
      m.on('click keypress', () => navigate(`/angebote/${encodeURIComponent(o.id)}`));
      m.bindTooltip(o.title + (o.provider ? ` – ${o.provider.name}` : ''));
      markers.addLayer(m);
    }
    mapRef.current = map;
    const bounds = markers.getLayers().length ? markers.getBounds() : layers.getBounds();
    if (bounds.isValid()) map.fitBounds(bounds.pad(0.1));
    else map.setView([51.2, 7.1], 11);
    map.on('click', (e: L.LeafletMouseEvent) => pick.current?.({ lat: e.latlng.lat, lon: e.latlng.lng }));
    // Leaflet's container gets role and name so screen readers know what it is.
    el.current.setAttribute('role', 'region');
    el.current.setAttribute('aria-label', label);
    return () => {
      mapRef.current = null;
      centreLayer.current = null;
      map.remove();
    };
  }, [sig, label]);

  // The search centre (or picked point) changes without redrawing the map.
  const centreSig = centre ? `${centre.lat},${centre.lon},${centre.radiusKm ?? ''}` : '';
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    centreLayer.current?.remove();
    centreLayer.current = null;
    const c = data.current.centre;
    if (c) centreLayer.current = L.circle([c.lat, c.lon], { radius: (c.radiusKm ?? 0.2) * 1000, color: '#8a3b00', weight: 2, fill: false }).addTo(map);
  }, [centreSig, sig]);

  return <div ref={el} className="map" data-testid="map" />;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
