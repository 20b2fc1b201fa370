// Hash routes, so every view and every filter is a link: #/, #/drifts?status=active, #/drifts/<id>, #/scans/<id>.

/** The view a location hash names, with its query parameters. */
export function parseHash(hash) {
  const raw = hash.replace(/^#/, '');
  const at = raw.indexOf('?');
  const path = (at === -1 ? raw : raw.slice(0, at)) || '/';
  const params = new URLSearchParams(at === -1 ? '' : raw.slice(at + 1));
  const parts = path.split('/').filter(Boolean);
  const decode = (s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  if (parts.length === 0) return { view: 'overview', params };
  if (parts[0] === 'drifts' && parts.length === 1) return { view: 'drifts', params };
  if (parts[0] === 'drifts' && parts.length === 2) return { view: 'drift', id: decode(parts[1]), params };
  if (parts[0] === 'scans' && parts.length === 2) return { view: 'scan', id: decode(parts[1]), params };
  return { view: 'notfound', params };
}

/** True for hashes that are routes (an in-page anchor such as #main is not). */
export function isRouteHash(hash) {
  return hash === '' || hash === '#' || hash.startsWith('#/');
}

/** A link to a view with query parameters (empty values dropped). */
export function href(path, params = {}) {
  const qs = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== ''));
  const s = qs.toString();
  return `#${path}${s ? `?${s}` : ''}`;
}

/** Link to one drift. */
export function driftHref(id) {
  return `#/drifts/${encodeURIComponent(id)}`;
}

/** Link to one scan. */
export function scanHref(id) {
  return `#/scans/${encodeURIComponent(id)}`;
}
