/**
 * What the profiles of issue 19's goals showed (`node --cpu-prof`, the sample year, 2026-12-01,
 * load average 2 to 7 on this shared 2-core machine), quoted under bench/goals19's figures.
 */
export const FINDINGS = `Where the time goes (CPU profiles, \`node --cpu-prof\`, load average 2 to 7):

- **(a)** A one-file \`nrp ingest\` does beyond \`nrp query\`: ingest's own modules (15 ms CPU; no
  exceljs, iconv-lite or sample code is loaded on this path: only DuckDB's packages), 28 statements
  of checks and loads (about 110–140 ms CPU; the largest is the 指标进度 typed-values statement, whose
  macros DuckDB expands inline and plans), and the checkpoint at close (about 20 ms CPU, 30–180 ms
  wall: its fsync waits on the shared disk). The one waste found was the row count's
  \`toLocaleString('en-US')\` in the report line, whose first call loads ICU's number data (20 ms):
  now grouped by a regular expression, same text. The rest is DuckDB's cost per statement, which
  the batches share between files; one file pays it alone. **Not met.**
- **(b)** \`npm start\` by library (one profiled run, about 20 s of CPU): pdfmake, pdfkit and fontkit
  about 5.2 s (four PDFs); exceljs, jszip and pako about 3.5 s (the sample's 75 workbooks 2.0 s, the
  bulletin's and the units' 40 workbooks 1.7 s, where the profile put 0.7 s in the widths'
  \`toLocaleString\` with options, which makes an Intl.NumberFormat per cell: now one per format,
  same bytes; measured without the profiler, \`nrp feedback --period 2023Q4\` (9 workbooks) takes
  1.43 against 1.50 s of CPU, medians of 5 alternating runs: about 0.3 s for \`npm start\`'s 40); vega and
  vega-lite 3.1 s (about 80 charts); garbage collection 1.8 s; DuckDB (ingest, build, the models'
  reads) about 2.2 s; module loading 0.7 s. fsync of the 111 sample files: under 0.3 s. A quarter's
  first render costs about twice a later one (2023Q1: charts 1.4 s, PDF 2.1 s; later quarters about
  0.7 s and 1.1 s), and that is the JIT warming up, not module loading (0.8 s). Even with both
  cores free, the serial part (the sample 3 s, ingest and build 2 s, the models 1 s) and the larger
  half of the outputs (about 7 s) would come to about 13 s: ≤ 10 s needs less CPU per output, and
  most of it is in pdfmake, exceljs and vega themselves. **Not met.**
- **(c)** \`nrp report\`, about 3.8 s of CPU: pdfmake's layout and pdfkit about 2.2 s, vega 0.9 s (11
  charts), garbage collection 0.4 s, module loading 0.3 s, DuckDB 0.2 s; nothing the PDF does not
  use is loaded (no exceljs, no HTML code). The charts must be drawn before the layout places
  them; a worker for them and a V8 code cache were measured and removed before (see the
  bulletin's section). 1.2 s would take a lighter PDF engine. **Not met.**

What meeting the rest would take (measured 2026-12-01 on this machine at load 1 to 2, when it
was not shared with other work: bench/goals19 above, bench/report in its section):

- **(a)** Before any statement of checks, a writing command pays beyond \`nrp query\`: ingest's
  modules (18 ms), a second DuckDB open and the copy it works on (crash safety, issue 13: the
  file is locked by opening it, then a copy is opened: 16 to 24 ms an open, 1 ms per MB to copy)
  and the checkpoint at close (35 to 40 ms): about 90 ms, or 1.3× of a 0.30 s query already. The
  28 statements of checks and loads (about 120 ms) would have to fit in the rest, i.e. go. Against
  the code before this work, a one-file ingest is now 0.06 to 0.08 s slower (0.54 against 0.48 s
  and 0.50 against 0.42 s, medians of the same rounds, in two runs): the batching bought nothing for one file, and the working copy
  costs what it costs. ≤ 0.30 s is under the query alone on this machine (0.22 to 0.39 s).
- **(b)** \`npm start\` takes 24 to 31 s of CPU (all threads; about 21 s of it in the main thread's
  JavaScript). Split perfectly over both cores, that is 12 s or more, before the serial part (the
  sample, ingest and build). The PDF helper (below) takes the PDFs to the other core: 15.9 s. To
  reach ≤ 10 s, each output needs about half its CPU, and that CPU is spent inside pdfmake, exceljs
  and vega. The other way is for the demo to write fewer outputs.
- **(c)** Warm, in one process, with nothing to load and the JIT done, the bulletin costs 1.6 s:
  the model 0.09 s, its 12 charts 0.39 s and the PDF 1.14 s (bench/report). The bulletin has
  grown since the goal was set (31 pages then, 45 now, with 四、重点工作推进情况 and its annex). No
  change in nrp's own code brings a fresh process under 1.2 s: it needs a PDF engine about three
  times faster than pdfmake on this document, which the team has settled on.

Kept after measuring again: **the PDFs in a helper process** (pipelines/run/helper.ts; \`nrp run\`
and \`nrp demo\` on two cores or more; NRP_RUN_HELPER=0 turns it off). It loads pdfmake while the
main process writes the sample, ingests and builds, then gets each period's model and drawings
by structured clone. It is split by library, so no warm-up is paid twice. The files are the same
byte for byte and the messages the same, in the same order (test/e2e/run.test.ts).

It was removed once, after measurements on this machine while it was shared (load 2.4 to 8), which
showed no steady gain: wall time tracked CPU time, and there was no second core to give. Measured
again on 2026-12-01 with the machine to itself (load about 2, most of it these runs), it pays,
with no more CPU:
- this bench's rounds above: 15.87 against 17.90 s, CPU 25.2 s both;
- three more \`nrp demo\` pairs (the same code before its removal, abd331c): 14.4, 15.7, 17.4 s
  against 19.1, 20.4, 20.1 s.

On a loaded machine it costs 0.3 to 1.5 s of CPU and buys nothing: those figures are kept below.

Measured before (load 2.4 to 8), when it was removed:
- 0.3 to 1.5 s more CPU;
- in this bench's three rounds at load 7 to 8, a median of 35.1 s against 33.6 s without;
- six more \`nrp demo\` runs alternating at load 2.4 to 6.6: 20.9, 24.3, 24.9 s against 22.6,
  28.4, 23.3 s;
- four \`nrp run --period 2023 --feedback\` pairs at load 4: 20.0, 19.1, 16.2, 15.8 against 20.3,
  18.6, 17.6, 16.1 s.

Removed after measurement: **the later half of the periods in a helper process**, given the models
by structured clone (5.5 MB for the year, 85 ms). Each process paid a first quarter's warm-up:
4.5 s more CPU for \`npm start\` (CPU medians 27.0 against 22.5 s). Wall time was 22.6 against
28.3 s, but single runs spread from 15.7 to 34.1 s at load 4 to 9.
`;
