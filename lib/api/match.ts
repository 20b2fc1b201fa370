import { badRequest } from './http-error.ts';
import type { RouteDef } from './route.ts';

export type MatchResult =
  | { kind: 'found'; route: RouteDef; params: Record<string, string> }
  | { kind: 'wrong-method'; allowed: string[] }
  | { kind: 'none' };

/** Finds the route for a method and a raw path; `{name}` segments match one percent-decoded segment. */
export function matchRoute(routes: readonly RouteDef[], method: string, rawPath: string): MatchResult {
  const segments = splitPath(rawPath);
  const allowed: string[] = [];
  for (const route of routes) {
    const params = matchTemplate(route.path, segments);
    if (!params) continue;
    if (route.method === method) return { kind: 'found', route, params };
    allowed.push(route.method);
  }
  return allowed.length > 0
    ? { kind: 'wrong-method', allowed: [...new Set(allowed)].sort() }
    : { kind: 'none' };
}

/** Path segments, decoded; one trailing slash is tolerated, `//` and dot segments are not special. */
function splitPath(rawPath: string): string[] {
  const trimmed = rawPath.length > 1 && rawPath.endsWith('/') ? rawPath.slice(0, -1) : rawPath;
  return trimmed
    .split('/')
    .slice(1)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        throw badRequest('path', [], 'path is not valid percent-encoding', 'invalid_path');
      }
    });
}

function matchTemplate(template: string, segments: string[]): Record<string, string> | undefined {
  const parts = template.split('/').slice(1);
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const seg = segments[i]!;
    if (part.startsWith('{') && part.endsWith('}')) {
      if (seg === '') return undefined;
      params[part.slice(1, -1)] = seg;
    } else if (part !== seg) return undefined;
  }
  return params;
}
