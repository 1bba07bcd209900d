/**
 * Reading time-entry CSV exports (Harvest, Toggl Track, Clockify, Ledgerflow's own format) into normalized
 * {@link com.ledgerflow.timetracking.importer.ImportRow}s and per-row
 * {@link com.ledgerflow.timetracking.importer.RowError}s, streaming and without touching the database.
 */
@NullMarked
package com.ledgerflow.timetracking.importer;

import org.jspecify.annotations.NullMarked;
