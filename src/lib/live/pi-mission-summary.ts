/**
 * What the Pi's mission list shows before a download: row counts and the time span, read from the
 * Parquet footers of a recorded mission (a few KiB by HTTP range).
 */
import { parquetMetadataAsync } from 'hyparquet';
import type { PiMission, PiMissionFile } from './pi-missions';
import { httpRangeFile } from './range';

/** What the list shows for a mission before it is downloaded, read from Parquet footers. */
export interface PiMissionSummary {
	rssiSamples: number;
	telemetryRows: number | null;
	detections: number | null;
	/** First and last RSSI sample, epoch ms (null when the footer has no statistics). */
	startMs: number | null;
	endMs: number | null;
	/** Bytes read to make this summary. */
	bytesRead: number;
	/** Whether the Pi answered with ranges (206); false: it sent whole files (then this was slow). */
	ranges: boolean;
}

/** Footer reads: the last 16 KiB of a file usually hold its whole Parquet footer. */
const FOOTER_READ = 16 * 1024;

/**
 * Row counts and time span from the footers of rssi_sample, vehicle_telemetry and detection
 * (one range request each, in parallel). Null when the mission has no rssi_sample.parquet.
 * A server without ranges is stopped after the first whole answer (aborted), not read through.
 */
export async function readPiMissionSummary(
	http: string,
	m: PiMission,
	f: typeof fetch = fetch
): Promise<PiMissionSummary | null> {
	const by = (t: string) => m.files.find((x) => x.name === `${t}.parquet`);
	const rssi = by('rssi_sample');
	if (!rssi) return null;
	let bytesRead = 0;
	let ranges = true;
	const footer = async (file: PiMissionFile | undefined) => {
		if (!file) return null;
		const rf = httpRangeFile(new URL(file.url, http).href, file.bytes, (n) => (bytesRead += n), f, {
			wholeLimit: FOOTER_READ
		});
		const meta = await parquetMetadataAsync(rf, { initialFetchSize: FOOTER_READ });
		if (rf.ranged() === false) ranges = false;
		return meta;
	};
	const [r, t, d] = await Promise.all([
		footer(rssi),
		footer(by('vehicle_telemetry')).catch(() => null),
		footer(by('detection')).catch(() => null)
	]);
	if (!r) return null;
	const span = timeSpan(r, 't');
	return {
		rssiSamples: Number(r.num_rows),
		telemetryRows: t ? Number(t.num_rows) : null,
		detections: d ? Number(d.num_rows) : null,
		startMs: span?.[0] ?? null,
		endMs: span?.[1] ?? null,
		bytesRead,
		ranges
	};
}

/** Min and max of a timestamp column over all row groups, from the footer's statistics. */
export function timeSpan(
	meta: Awaited<ReturnType<typeof parquetMetadataAsync>>,
	column: string
): [number, number] | null {
	let lo = Infinity;
	let hi = -Infinity;
	for (const g of meta.row_groups) {
		const c = g.columns.find((x) => x.meta_data?.path_in_schema.join('.') === column);
		const st = c?.meta_data?.statistics;
		const a = toMs(st?.min_value);
		const b = toMs(st?.max_value);
		if (a === null || b === null) return null;
		lo = Math.min(lo, a);
		hi = Math.max(hi, b);
	}
	return Number.isFinite(lo) && Number.isFinite(hi) ? [lo, hi] : null;
}

/** A statistics value as epoch ms: hyparquet gives a Date for TIMESTAMP, else raw µs. */
function toMs(v: unknown): number | null {
	if (v instanceof Date) return v.getTime();
	if (typeof v === 'bigint') return Number(v) / 1000;
	if (typeof v === 'number') return v / 1000;
	return null;
}
