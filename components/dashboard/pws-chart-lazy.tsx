"use client";

import dynamic from "next/dynamic";

// recharts is about 108 KB of gzipped JavaScript: the dashboard ships without it and loads the chart after
// the page is usable; the numbers of the chart are in the table beside it from the first paint (and
// without JavaScript).
export const PwsChartLazy = dynamic(() => import("./pws-chart").then((m) => m.PwsChart), {
  ssr: false,
  loading: () => <div className="h-64 w-full animate-pulse rounded bg-slate-100" aria-hidden="true" />,
});
