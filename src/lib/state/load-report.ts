/**
 * What a load says when it is done (issue 15 item 7): its notes and errors, the plain tables it
 * opened, and one summary (missions, rows per table, time span, what was skipped), so the Pi's
 * own pisad.db is not just "31 sessions" but "2,702 state transitions; no RSSI samples".
 */
import type { Db } from '$lib/db/types';
import type { IngestResult } from '$lib/ingest';
import { importCounts } from '$lib/queries/ingest-import-counts';
import { addCounts, alreadyLoaded, emptyTally, summaryText } from '$lib/transforms/import-summary';
import { errorText, noteText } from './messages';

type Say = (kind: 'error' | 'note', text: string) => void;

/** Say what a load brought. */
export async function sayLoad(db: Db, result: IngestResult, say: Say): Promise<void> {
	for (const n of result.notes) say('note', noteText(n));
	for (const e of result.errors) say('error', errorText(e));
	for (const t of result.tables)
		say(
			'note',
			`Opened as table ${t}: it is not a PISAD mission, but the SQL engine can query it.`
		);
	if (!result.missionIds.length) return;
	// Most loads bring one mission: count only its rows, not every loaded mission's.
	const ids = result.missionIds;
	const counts = await importCounts(db, ids.length === 1 ? (ids[0] ?? null) : null);
	const tally = addCounts(emptyTally(), counts, ids);
	tally.already = alreadyLoaded(result.notes);
	tally.failed = result.errors.length;
	say('note', summaryText(tally));
}
