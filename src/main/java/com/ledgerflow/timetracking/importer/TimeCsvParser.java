package com.ledgerflow.timetracking.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import org.springframework.stereotype.Component;

/**
 * Reads a time-entry CSV export (UTF-8, with or without byte order mark) of Harvest, Toggl Track, Clockify or
 * Ledgerflow's own format into normalized rows and row errors, one row at a time. Stateless and thread-safe.
 */
@Component
public final class TimeCsvParser {

	/* Empty lines are kept as records so that every record's first line is the line after the previous record. */
	private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

	/** A header must contain this many of a format's columns to be taken for that format. */
	private static final int MIN_KNOWN_COLUMNS = 3;

	private static final List<FormatRows> FORMATS = List.of(new HarvestRows(), new TogglRows(), new ClockifyRows(),
			new LedgerflowRows());

	/**
	 * Streams the file: detects the format from the header, calls {@code rows} or {@code errors} per data row in
	 * file order (a row with errors reports all of them and yields no row; blank lines are skipped) and returns the
	 * format. Memory stays bounded: rows are not collected, only a small hash per row for the import keys.
	 * @throws TimeCsvUnreadable before any row when the header matches no format or lacks a required column, and
	 * where the CSV itself is malformed (such as an unclosed quote), possibly after rows were delivered
	 * @throws UncheckedIOException when reading the stream fails
	 */
	public SourceFormat parse(InputStream csv, Consumer<ImportRow> rows, Consumer<RowError> errors) {
		try (CSVParser parser = CSV.parse(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
			Iterator<CSVRecord> records = parser.iterator();
			if (!records.hasNext()) {
				throw new TimeCsvUnreadable("header", "the file is empty");
			}
			HeaderColumns header = new HeaderColumns(records.next().toList());
			FormatRows format = detect(header);
			format.checkColumns(header);
			ImportKeys keys = new ImportKeys();
			long lineBefore = parser.getCurrentLineNumber();
			while (records.hasNext()) {
				CSVRecord record = records.next();
				int line = Math.toIntExact(lineBefore + 1);
				lineBefore = parser.getCurrentLineNumber();
				if (!blank(record)) {
					readRow(new Cells(record, header, line), format, keys, rows, errors);
				}
			}
			return format.format();
		}
		catch (UncheckedIOException ex) {
			throw unreadableIfMalformed(ex.getCause(), ex);
		}
		catch (CSVException ex) {
			throw unreadableIfMalformed(ex, new UncheckedIOException(ex));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void readRow(Cells cells, FormatRows format, ImportKeys keys, Consumer<ImportRow> rows,
			Consumer<RowError> errors) {
		ImportRow row = format.map(cells);
		if (row == null) {
			cells.errors().forEach(errors);
		}
		else {
			rows.accept(row.withImportKey(keys.next(row)));
		}
	}

	private static FormatRows detect(HeaderColumns header) {
		List<FormatRows> ranked = FORMATS.stream()
			.sorted(Comparator.comparingInt((FormatRows f) -> header.countKnown(f.knownColumns())).reversed())
			.toList();
		int best = header.countKnown(ranked.get(0).knownColumns());
		List<FormatRows> tied = ranked.stream()
			.filter((f) -> header.countKnown(f.knownColumns()) == best)
			.toList();
		if (best < MIN_KNOWN_COLUMNS || tied.size() > 1) {
			String candidates = tied.stream().map((f) -> f.format().name()).collect(Collectors.joining(", "));
			throw new TimeCsvUnreadable("header", "unknown header '" + header + "': not a Harvest, Toggl, Clockify or "
					+ "Ledgerflow export" + ((best >= MIN_KNOWN_COLUMNS) ? " (could be " + candidates + ")" : ""));
		}
		return ranked.get(0);
	}

	private static boolean blank(CSVRecord record) {
		return record.stream().allMatch(String::isBlank);
	}

	private static RuntimeException unreadableIfMalformed(Throwable cause, RuntimeException otherwise) {
		if (cause instanceof CSVException) {
			return new TimeCsvUnreadable("file", "malformed CSV: " + cause.getMessage());
		}
		return otherwise;
	}

}
