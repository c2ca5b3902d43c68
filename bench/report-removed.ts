/**
 * What was measured before the bulletin's chart worker and the module-wide code cache were
 * removed (issue 14): kept as text in the report section of BENCHMARKS.md, since the code it
 * measured is gone. Figures from fresh `nrp report --period 2023Q2` processes on the sample year,
 * the code at commit b9760ef, 15 rounds alternating the variants, medians.
 */
export const REMOVED = `### Removed after measurement

Measured before removal (code at b9760ef; the sample's 2023Q2 city bulletin; fresh \`nrp report\`
processes, 15 rounds alternating the variants; medians; this 2-core machine was shared, load
average about 7.7, so wall times are inflated and CPU time is the steadier figure):

| variant, before removal | wall | CPU |
|---|---:|---:|
| the default then: charts in the main thread, code cache for all of node_modules and vega | 4750 ms | 3130 ms |
| charts in a worker thread (\`NRP_CHART_WORKERS=1\`, the default from three cores) | 5760 ms | 3340 ms |
| code cache for vega's builds only (the module hook off) | 5070 ms | 2970 ms |
| no code cache at all | 5460 ms | 3320 ms |
| \`nrp query "select 1"\`, with / without the module hook | 380 / 420 ms | 270 / 250 ms |

- **Chart worker thread** (chart-job.ts, chart-worker.ts with \`Atomics.wait\`), **chart-box.ts**
  (each chart's size guessed from its spec so the layout need not wait for Vega) and the
  **deferred-SVG pdfmake Renderer patch** (drawing put in when its page is drawn): on two cores the
  worker cost CPU (+210 ms here; +400 ms in the previous round of this bench: 4380 against 3980 ms)
  and bought no wall time; the box estimate and the Renderer patch served only the worker.
  Removed: the charts are drawn before the layout and the document holds their SVGs. The sample
  year's PDFs are byte for byte the same as before.
- **Code cache** (V8's compiled code kept on disk, pipelines/code-cache.ts). For all of
  node_modules (Module.prototype._compile replaced, require re-made) it gained nothing over
  caching vega's two builds alone (3130 against 2970 ms CPU for the bulletin, 270 against 250 ms
  for a query: within noise), so it was first cut down to vega's two builds (no module hook).
  That smallest form then measured inconsistently: 350 ms cheaper than no cache in the series
  above (2970 against 3320 ms), but 220 ms *dearer* in both of this bench's later runs (nine
  rounds each, load 3 to 7: 3480 against 3260 ms and 3540 against 3320 ms CPU; wall 2963 against
  2614 and 2338 against 2343 ms), and 70 to 100 ms cheaper for a single chart (690 against 760
  ms, \`nrp charts --only rank-land_supply\`). No steady gain for a bulletin, what nrp does most:
  removed altogether, with its cache folder, its invalidation and its hook in the CLI.
- **Three pdfmake patches**: the style lookup (style-lookup.ts, StyleContextStack replaced), the
  SVG measure (svg-measure.ts, SVGMeasure read from the root tag) and joining same-style text runs
  (inlines.ts, Renderer.renderLine wrapped). Measured after the worker's removal, the PDF alone in
  fresh processes, seven rounds in rotating order (load 3 to 4.5), CPU medians, first render /
  warm render: all four patches 1446 / 870 ms; without the style lookup 1472 / 758; without the
  SVG measure 1423 / 772; without joining 1450 / 785; the fontkit patch alone 1642 / 836. Each
  alone is within noise, and the three together came out at 45 ms of a first render in another
  series (2009 against 1964 ms). In isolation the SVG parses they saved take 60 ms cold and 18 ms
  warm for the eleven charts (trimmed to about 9 KB each by svg-for-pdf.ts). Removed. What
  changed in the PDF: the file is 6 % larger (294 → 314 KB: pdfmake writes a text operator per
  character), and the masthead 嘉兴市自然资源和规划局 is now exactly centred: the joined run had
  applied its 2 pt letter spacing, which pdfmake's layout had not counted, so it stood about 9 pt
  right of centre (the spacing is gone from the style: pdfmake lays CJK out a character at a
  time, where letter spacing has no effect). Every other page renders pixel for pixel as before.`;
