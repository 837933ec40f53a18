"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface PwsChartPoint {
  bulan: string;
  capaian: number | null;
  target: number;
}

/** The PWS picture: cumulative capaian by month against the target line. Numbers also in a table beside. */
export function PwsChart({ data, label }: { data: PwsChartPoint[]; label: string }) {
  return (
    <div className="h-64 w-full" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
          <XAxis dataKey="bulan" fontSize={12} />
          <YAxis fontSize={12} unit=" %" width={56} />
          <Tooltip formatter={(v) => `${Number(v).toLocaleString("id-ID")} %`} />
          <Legend />
          <Line type="monotone" dataKey="capaian" name="Capaian kumulatif" stroke="#115e59" strokeWidth={2} dot connectNulls isAnimationActive={false} />
          <Line type="linear" dataKey="target" name="Garis target" stroke="#b45309" strokeDasharray="6 4" dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
