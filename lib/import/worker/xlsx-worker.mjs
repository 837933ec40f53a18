// @ts-check
// Worker thread entry (lib/import/xlsx.ts starts it with resourceLimits and a time limit): reads one XLSX
// and posts { ok: true, csv } or { ok: false, code, detail }. A file that exhausts the worker's heap kills
// only the worker; the server that started it answers with a refusal.
import { parentPort, workerData } from "node:worker_threads";
import { xlsxToCsv } from "./sheet.mjs";
import { XlsxRefusal } from "./zip.mjs";

const { bytes, width, limits } = workerData;
xlsxToCsv(Buffer.from(bytes), width, limits).then(
  (csv) => parentPort?.postMessage({ ok: true, csv }),
  (error) =>
    parentPort?.postMessage(
      error instanceof XlsxRefusal ? { ok: false, code: error.code, detail: error.detail } : { ok: false, code: "corrupt", detail: {} },
    ),
);
