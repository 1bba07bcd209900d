package com.ledgerflow.timetracking.importer;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** How one export format names its columns and how its rows become {@link ImportRow}s. */
interface FormatRows {

	SourceFormat format();

	/** Lower-case names of the columns the format's exports have; one ending in {@code (} matches any suffix. */
	List<String> knownColumns();

	/** Columns without which no row can be read, spelled as the exporting tool spells them. */
	List<String> requiredColumns();

	/** @throws TimeCsvUnreadable naming the first required column the header lacks */
	default void checkColumns(HeaderColumns header) {
		for (String column : requiredColumns()) {
			if (!header.has(column)) {
				throw new TimeCsvUnreadable(column,
						"missing required column '" + column + "' for a " + format() + " export");
			}
		}
	}

	/**
	 * The row without its import key, or {@code null} when a cell was rejected (the reasons are in
	 * {@link Cells#errors()}).
	 */
	@Nullable ImportRow map(Cells cells);

}
