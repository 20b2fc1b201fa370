import type { DriftReport } from '../../core/model/index.ts';
import { renderHtml } from './html.ts';
import { renderJson } from './json.ts';
import { renderMarkdown } from './markdown.ts';
import { renderSarif } from './sarif.ts';
import { renderTable } from './table.ts';

export type ReportFormat = 'table' | 'json' | 'sarif' | 'markdown' | 'html';
export const REPORT_FORMATS: readonly ReportFormat[] = ['table', 'json', 'sarif', 'markdown', 'html'];

export interface RenderOptions {
  /** ANSI colours in the table format. */
  color: boolean;
  /** SARIF: file to attach drifts to when they name none (GitHub needs a physical location). */
  sarifFallbackUri?: string;
}

/** Renders a drift report in one of the five output formats. */
export function renderReport(report: DriftReport, format: ReportFormat, opts: RenderOptions): string {
  switch (format) {
    case 'table':
      return renderTable(report, opts);
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report, opts.sarifFallbackUri);
    case 'markdown':
      return renderMarkdown(report);
    case 'html':
      return renderHtml(report);
  }
}

export { renderHtml, renderJson, renderMarkdown, renderSarif, renderTable };
