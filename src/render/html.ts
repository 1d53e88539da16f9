/**
 * The HTML preview: one self-contained page with the SVG inline, pan and zoom, a legend of the
 * types shown and a tooltip per object. No network: no fonts, scripts or images are fetched,
 * and the page's Content-Security-Policy allows only its own inline script and style (by
 * hash), so even text that slipped through escaping could not run or load anything.
 */
import { createHash } from 'node:crypto';
import { CLIENT_SCRIPT } from './client.js';
import { blockFaces } from './colour.js';
import type { LegendEntry, Tip } from './legend.js';
import type { DrawnSvg, Theme } from './svg.js';
import { FONT_FAMILY, THEME_STYLE } from './styles.js';
import { escapeAttr, escapeText, jsonForScript } from './svg-writer.js';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function styles(theme: Theme): string {
  const t = THEME_STYLE[theme];
  const panel = theme === 'dark' ? '#1f2630' : '#ffffff';
  const border = theme === 'dark' ? '#333d49' : '#d9dee5';
  return `
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{display:grid;grid-template-rows:auto 1fr;grid-template-columns:1fr 260px;grid-template-areas:"head head" "canvas legend";background:${t.background};color:${t.ink};font:14px/1.4 ${FONT_FAMILY}}
header{grid-area:head;display:flex;align-items:center;gap:16px;padding:8px 16px;background:${panel};border-bottom:1px solid ${border}}
header h1{font-size:16px;margin:0;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
header .cc-counts{color:${t.muted};font-size:13px;white-space:nowrap}
header .cc-tools{margin-left:auto;display:flex;gap:4px}
button{font:inherit;min-width:32px;padding:2px 10px;border:1px solid ${border};border-radius:6px;background:${t.background};color:${t.ink};cursor:pointer}
button:hover{border-color:${t.muted}}
#cc-canvas{grid-area:canvas;position:relative;overflow:hidden;cursor:grab;touch-action:none}
#cc-canvas.cc-dragging{cursor:grabbing}
#cc-canvas svg{display:block;width:100%;height:100%;user-select:none}
#cc-legend{grid-area:legend;overflow:auto;padding:12px 16px;background:${panel};border-left:1px solid ${border}}
#cc-legend h2{font-size:13px;text-transform:uppercase;letter-spacing:.04em;color:${t.muted};margin:8px 0 6px}
#cc-legend ul{list-style:none;margin:0;padding:0}
#cc-legend li{display:flex;align-items:center;gap:8px;padding:3px 4px;border-radius:4px}
#cc-legend li:hover,#cc-legend li:focus{background:${t.background};outline:none}
#cc-legend .cc-legend-title{flex:1}
#cc-legend .cc-legend-count{color:${t.muted};font-variant-numeric:tabular-nums}
#cc-legend .cc-help{color:${t.muted};font-size:12px;margin-top:16px}
svg.cc-dim .cc-node:not(.cc-hi),svg.cc-dim .cc-group:not(.cc-hi){opacity:.25}
.cc-node:hover{filter:brightness(1.08)}
#cc-tip{position:fixed;z-index:10;max-width:340px;padding:8px 10px;border-radius:6px;background:${panel};color:${t.ink};border:1px solid ${border};box-shadow:0 4px 16px rgba(0,0,0,.18);pointer-events:none;font-size:12px}
#cc-tip[hidden]{display:none}
.cc-tip-title{font-weight:700;font-size:13px}
.cc-tip-name{margin-bottom:4px;word-break:break-all}
#cc-tip dl{display:grid;grid-template-columns:auto 1fr;gap:1px 10px;margin:4px 0 0}
#cc-tip dt{color:${t.muted}}
#cc-tip dd{margin:0;word-break:break-all}
`;
}

function swatch(e: LegendEntry): string {
  if (e.kind === 'container') {
    return `<svg class="cc-swatch" width="20" height="14" viewBox="0 0 20 14" aria-hidden="true"><polygon points="10,1 19,7 10,13 1,7" fill="${e.colour}" fill-opacity="0.15" stroke="${e.colour}" stroke-width="1.5"/></svg>`;
  }
  const f = blockFaces(e.colour);
  return `<svg class="cc-swatch" width="20" height="16" viewBox="0 0 20 16" aria-hidden="true"><polygon points="10,1 19,5 10,9 1,5" fill="${f.top}"/>` +
    `<polygon points="1,5 10,9 10,15 1,11" fill="${f.left}"/><polygon points="10,9 19,5 19,11 10,15" fill="${f.right}"/></svg>`;
}

function legend(entries: readonly LegendEntry[]): string {
  const section = (title: string, kind: LegendEntry['kind']) => {
    const list = entries.filter((e) => e.kind === kind);
    if (!list.length) return '';
    const items = list.map((e) => `<li tabindex="0" data-type="${escapeAttr(e.type)}" data-kind="${kind}">${swatch(e)}` +
      `<span class="cc-legend-title">${escapeText(e.title)}</span><span class="cc-legend-count">${e.count}</span></li>`).join('\n');
    return `<h2>${title}</h2>\n<ul>\n${items}\n</ul>`;
  };
  return `${section('Components', 'component')}\n${section('Containers', 'container')}`;
}

export interface PageInput {
  name: string;
  theme: Theme;
  drawn: DrawnSvg;
  legend: LegendEntry[];
  tips: Tip[];
}

export function htmlPage(input: PageInput): string {
  const css = styles(input.theme);
  const csp = `default-src 'none'; script-src ${hash(CLIENT_SCRIPT)}; style-src ${hash(css)}; img-src 'none'; base-uri 'none'; form-action 'none'`;
  const s = input.drawn.stats;
  const counts = `${s.nodes} component${s.nodes === 1 ? '' : 's'} · ${s.groups} container${s.groups === 1 ? '' : 's'} · ${s.edges} connection${s.edges === 1 ? '' : 's'}`;
  const name = escapeText(input.name);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeAttr(csp)}">
<meta name="generator" content="cloudcraft-convert">
<title>${name} · cloudcraft-convert preview</title>
<style>${css}</style>
</head>
<body class="cc-theme-${input.theme}">
<header><h1>${name}</h1><span class="cc-counts">${counts}</span>
<div class="cc-tools"><button type="button" data-zoom="in" title="Zoom in (+)">+</button><button type="button" data-zoom="out" title="Zoom out (−)">−</button><button type="button" data-zoom="fit" title="Fit (0)">Fit</button></div></header>
<main id="cc-canvas">
${input.drawn.svg}
</main>
<aside id="cc-legend" aria-label="Legend">
${legend(input.legend)}
<p class="cc-help">Drag to pan, scroll to zoom, hover for details.</p>
</aside>
<div id="cc-tip" role="tooltip" hidden></div>
<script type="application/json" id="cc-data">${jsonForScript(input.tips)}</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}
