import { escapeHtml } from './escapeHtml.ts';
import type { ReportChart } from './reportChart.ts';
import { vegaLibraries } from './vegaLibraries.ts';

/** One section of a report page: trusted HTML (e.g. a KPI table), charts, or both. */
export interface HtmlSection {
  /** Anchor id (lowercase, dashes). */
  readonly id: string;
  readonly title: string;
  /** Plain text shown under the heading. */
  readonly intro?: string;
  /** Trusted HTML built by sim/report (escape any user text before putting it here). */
  readonly html?: string;
  readonly charts?: readonly ReportChart[];
}

export interface RenderHtmlPageParameters {
  title: string;
  /** Plain text under the title (scenario, period, seed). */
  subtitle?: string;
  sections: readonly HtmlSection[];
  /** Trusted HTML for the page footer (dataset citations, tool versions). */
  footerHtml?: string;
}

const STYLE = `
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; margin: 0 auto; max-width: 1080px; padding: 24px; color: #222; background: #fff; }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 19px; margin: 32px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
.subtitle { color: #555; margin: 0 0 16px; } nav a { margin-right: 14px; color: #2a5db0; }
table.kpi { border-collapse: collapse; font-size: 14px; min-width: 60%; }
table.kpi th, table.kpi td { text-align: left; padding: 4px 12px 4px 0; border-bottom: 1px solid #eee; vertical-align: top; }
table.kpi td { font-variant-numeric: tabular-nums; white-space: nowrap; }
table.kpi tr.kpi-group th { padding-top: 14px; color: #2a5db0; border-bottom: 1px solid #bbb; }
.kpi-detail { display: block; color: #777; font-size: 12px; white-space: normal; }
.peak-note { max-width: 60em; padding: 8px 12px; background: #fff8e6; border-left: 4px solid #f0a830; }
.kpi-delta { color: #555; }
table.events { border-collapse: collapse; font-size: 13px; } table.events th, table.events td { padding: 3px 10px 3px 0; border-bottom: 1px solid #eee; text-align: right; white-space: nowrap; }
table.events th[scope="row"], table.events th:first-child { text-align: left; } table.events thead th { white-space: normal; vertical-align: bottom; }
.scroll { overflow-x: auto; }
figure.chart { margin: 20px 0 28px; } figure.chart figcaption { color: #444; font-size: 13px; max-width: 860px; margin-top: 6px; }
.chart-error { color: #b00020; font-weight: bold; }
footer { margin-top: 40px; border-top: 1px solid #ddd; padding-top: 12px; font-size: 13px; color: #444; }
footer code { font-size: 12px; word-break: break-all; }
`;

/** JSON for a <script type="application/json"> element: `<` escaped so no text can close the element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Boot script: embeds every chart with vega-embed (SVG renderer, no action menu) and records the outcome. */
const BOOT = `
(function () {
  var figures = Array.prototype.slice.call(document.querySelectorAll('figure.chart'));
  var state = { expected: figures.length, rendered: 0, failed: [], done: false };
  window.__peaklabReport = state;
  var jobs = figures.map(function (figure) {
    var name = figure.getAttribute('data-chart');
    var spec = JSON.parse(document.getElementById('spec-' + name).textContent);
    var target = figure.querySelector('.vega-target');
    return vegaEmbed(target, spec, { renderer: 'svg', actions: false }).then(function () {
      state.rendered += 1;
    }, function (error) {
      state.failed.push(name + ': ' + (error && error.message ? error.message : String(error)));
      target.innerHTML = '<p class="chart-error">This chart failed to render: ' + String(error).replace(/[<&]/g, '') + '</p>';
      console.error('peaklab report: chart ' + name + ' failed', error);
    });
  });
  Promise.all(jobs).then(function () { state.done = true; document.body.setAttribute('data-charts-done', String(state.rendered)); });
})();
`;

function renderChart(chart: ReportChart): string {
  return [
    `<figure class="chart" id="chart-${escapeHtml(chart.name)}" data-chart="${escapeHtml(chart.name)}">`,
    `<div class="vega-target" role="img" aria-label="${escapeHtml(chart.title)}"></div>`,
    `<script type="application/json" id="spec-${escapeHtml(chart.name)}">${scriptJson(chart.spec)}</script>`,
    `<figcaption>${escapeHtml(chart.description)} <a href="charts/${escapeHtml(chart.name)}.svg">SVG</a> · <a href="charts/${escapeHtml(chart.name)}.png">PNG</a> · <a href="charts/${escapeHtml(chart.name)}.vl.json">Vega-Lite spec</a></figcaption>`,
    '</figure>',
  ].join('\n');
}

/**
 * One self-contained HTML page that works offline: vega, vega-lite and vega-embed are inlined from
 * node_modules (no CDN), each chart's Vega-Lite spec sits in the page as JSON. The output depends
 * only on the arguments (and the installed library versions): no timestamps.
 */
export function renderHtmlPage({ title, subtitle, sections, footerHtml }: RenderHtmlPageParameters): string {
  const libraries = vegaLibraries();
  const nav = sections.map((s) => `<a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a>`).join('\n');
  const body = sections
    .map((s) =>
      [
        `<section id="${escapeHtml(s.id)}">`,
        `<h2>${escapeHtml(s.title)}</h2>`,
        s.intro === undefined ? '' : `<p>${escapeHtml(s.intro)}</p>`,
        s.html ?? '',
        ...(s.charts ?? []).map(renderChart),
        '</section>',
      ]
        .filter((line) => line !== '')
        .join('\n'),
    )
    .join('\n');
  const versions = libraries.map((l) => `${l.name} ${l.version}`).join(', ');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="peaklab report (${escapeHtml(versions)})">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    ...libraries.map((l) => `<script data-library="${escapeHtml(l.name)}">\n${l.source}\n</script>`),
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(title)}</h1>`,
    subtitle === undefined ? '' : `<p class="subtitle">${escapeHtml(subtitle)}</p>`,
    `<nav>\n${nav}\n</nav>`,
    '</header>',
    '<main>',
    body,
    '</main>',
    `<footer>\n${footerHtml ?? ''}\n<p>Charts drawn with ${escapeHtml(versions)}, inlined in this page.</p>\n</footer>`,
    `<script>${BOOT}</script>`,
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}
