import type { Severity } from '../../core/model/index.ts';

/** A styler that wraps text in ANSI SGR codes, or returns it unchanged when colour is off. */
export type Style = (s: string) => string;

export interface Palette {
  severity: Record<Severity, Style>;
  bold: Style;
  dim: Style;
  green: Style;
  removed: Style;
  added: Style;
}

function sgr(on: boolean, code: string): Style {
  return on ? (s) => `\u001b[${code}m${s}\u001b[0m` : (s) => s;
}

/** The table format's colours (no escape codes at all when `color` is false). */
export function palette(color: boolean): Palette {
  return {
    severity: {
      critical: sgr(color, '1;97;41'),
      high: sgr(color, '1;31'),
      medium: sgr(color, '33'),
      low: sgr(color, '36'),
    },
    bold: sgr(color, '1'),
    dim: sgr(color, '2'),
    green: sgr(color, '32'),
    removed: sgr(color, '31'),
    added: sgr(color, '32'),
  };
}
