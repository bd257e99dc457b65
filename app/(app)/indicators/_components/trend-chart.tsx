'use client';

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';

export type TrendPoint = { label: string; accidents: number; deaths: number };

type TrendChartProps = {
  data: TrendPoint[];
  /** The series' names in the reader's language. */
  names: { accidents: string; deaths: string };
};

// The accent navy and the danger red of app/globals.css; the legend names each series as well.
const colors = { accidents: '#1e3a6b', deaths: '#a8231a' };

/**
 * Accidents and deaths per period as bars. A picture only: hidden from screen readers, who get
 * the table beside it (the page renders it), and kept out of the tab order.
 */
export function TrendChart({ data, names }: TrendChartProps) {
  return (
    <div aria-hidden="true" className="h-72 w-full">
      <BarChart responsive data={data} accessibilityLayer={false} style={{ width: '100%', height: '100%' }} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#d8dce3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#4a5261' }} interval="preserveStartEnd" />
        <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: '#4a5261' }} width={44} />
        <Tooltip cursor={{ fill: '#e9eef7' }} />
        <Legend wrapperStyle={{ fontSize: 13 }} />
        <Bar dataKey="accidents" name={names.accidents} fill={colors.accidents} isAnimationActive={false} />
        <Bar dataKey="deaths" name={names.deaths} fill={colors.deaths} isAnimationActive={false} />
      </BarChart>
    </div>
  );
}
