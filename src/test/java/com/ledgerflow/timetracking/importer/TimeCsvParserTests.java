package com.ledgerflow.timetracking.importer;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class TimeCsvParserTests {

	private final TimeCsvParser parser = new TimeCsvParser();

	@Test
	void readsHarvestWithLocalizedHoursEuroAndMultiLineNotes() {
		Parsed parsed = parseResource("harvest.csv");

		assertThat(parsed.format).isEqualTo(SourceFormat.HARVEST);
		assertThat(parsed.errors).isEmpty();
		assertThat(parsed.rows).extracting(ImportRow::line, ImportRow::minutes).containsExactly(tuple(2, 450),
				tuple(4, 1), tuple(5, 120_000));
		ImportRow design = parsed.rows.get(0);
		assertThat(design.personName()).isEqualTo("Anna Berger");
		assertThat(design.personEmail()).isNull();
		assertThat(design.clientName()).isEqualTo("Nordlicht GmbH");
		assertThat(design.projectName()).isEqualTo("Website Relaunch");
		assertThat(design.projectCode()).isEqualTo("NL-7");
		assertThat(design.taskName()).isEqualTo("Design");
		assertThat(design.date()).isEqualTo(LocalDate.of(2025, 2, 3));
		assertThat(design.start()).isNull();
		assertThat(design.end()).isNull();
		assertThat(design.notes()).isEqualTo("Wireframes for the\nstart page");
		assertThat(design.billable()).isTrue();
		assertThat(design.billRate()).isEqualByComparingTo("120");
		assertThat(design.currency()).isEqualTo("EUR");
		ImportRow internal = parsed.rows.get(1);
		assertThat(internal.clientName()).isNull();
		assertThat(internal.taskName()).isNull();
		assertThat(internal.notes()).isEmpty();
		assertThat(internal.billable()).isFalse();
		assertThat(parsed.rows.get(2).billRate()).isEqualByComparingTo("95.5");
	}

	@Test
	void readsAnOlderHarvestExportWithoutOptionalColumnsSkippingBlankLines() {
		Parsed parsed = parseResource("harvest-older.csv");

		assertThat(parsed.format).isEqualTo(SourceFormat.HARVEST);
		assertThat(parsed.errors).isEmpty();
		assertThat(parsed.rows).extracting(ImportRow::line, ImportRow::date, ImportRow::minutes)
			.containsExactly(tuple(2, LocalDate.of(2025, 3, 10), 450), tuple(4, LocalDate.of(2025, 3, 4), 75));
		assertThat(parsed.rows.get(0)).extracting(ImportRow::projectCode, ImportRow::billable, ImportRow::billRate,
				ImportRow::currency)
			.containsOnlyNulls();
	}

	@Test
	void readsHarvestCurrencyNamesAndUsNumbers() {
		Parsed parsed = parseText("""
				Date,Project,Hours,First Name,Last Name,Billable Rate,Currency
				2025-01-02,Audit,"1,234.50",Mia,Chen,"1,250.00",US Dollar - USD
				2025-01-02,Audit,"7,5",Mia,Chen,"150",CHF
				""");

		assertThat(parsed.errors).isEmpty();
		assertThat(parsed.rows).extracting(ImportRow::minutes, ImportRow::currency)
			.containsExactly(tuple(74_070, "USD"), tuple(450, "CHF"));
		assertThat(parsed.rows.get(0).billRate()).isEqualByComparingTo("1250");
	}

	@Test
	void readsTogglWithByteOrderMarkAndCurrencyFromTheAmountHeader() {
		Parsed parsed = parseResource("toggl.csv");

		assertThat(parsed.format).isEqualTo(SourceFormat.TOGGL);
		assertThat(parsed.errors).isEmpty();
		assertThat(parsed.rows).extracting(ImportRow::line, ImportRow::minutes, ImportRow::billable)
			.containsExactly(tuple(2, 90, true), tuple(3, 45, false), tuple(4, 1, true));
		ImportRow first = parsed.rows.get(0);
		assertThat(first.personName()).isEqualTo("Lena Fischer");
		assertThat(first.personEmail()).isEqualTo("lena.fischer@example.org");
		assertThat(first.start()).isEqualTo(LocalTime.of(9, 0));
		assertThat(first.end()).isEqualTo(LocalTime.of(10, 30, 29));
		assertThat(first.notes()).isEqualTo("Regression run");
		assertThat(first.currency()).isEqualTo("USD");
		assertThat(first.billRate()).isNull();
		assertThat(first.projectCode()).isNull();
		assertThat(parsed.rows.get(1).clientName()).isNull();
	}

	@Test
	void takesEndMinusStartAcrossMidnightWhenTheDurationIsEmpty() {
		Parsed parsed = parseText("""
				User,Email,Project,Start date,Start time,End date,End time,Duration
				Lena,lena@example.org,App,2025-01-13,23:30:00,,00:15:00,
				Lena,lena@example.org,App,2025-01-13,23:30:00,2025-01-13,00:15:00,
				""");

		assertThat(parsed.errors).isEmpty();
		assertThat(parsed.rows).extracting(ImportRow::minutes).containsExactly(45, 45);
	}

	@Test
	void readsClockifyWithUsDatesTwelveHourTimesAndExtraColumns() {
		Parsed parsed = parseResource("clockify.csv");

		assertThat(parsed.format).isEqualTo(SourceFormat.CLOCKIFY);
		assertThat(parsed.errors).isEmpty();
		assertThat(parsed.rows).extracting(ImportRow::line, ImportRow::date, ImportRow::start, ImportRow::end,
				ImportRow::minutes)
			.containsExactly(
					tuple(2, LocalDate.of(2024, 12, 2), LocalTime.of(9, 15), LocalTime.of(11, 45, 30), 151),
					tuple(3, LocalDate.of(2024, 12, 2), LocalTime.of(13, 0), LocalTime.of(13, 20), 20));
		ImportRow review = parsed.rows.get(0);
		assertThat(review.personName()).isEqualTo("Sam Ortiz");
		assertThat(review.personEmail()).isEqualTo("sam.ortiz@example.net");
		assertThat(review.clientName()).isEqualTo("Orbit Labs");
		assertThat(review.taskName()).isEqualTo("Review");
		assertThat(review.billable()).isTrue();
		assertThat(review.billRate()).isEqualByComparingTo("150");
		assertThat(review.currency()).isEqualTo("USD");
		assertThat(parsed.rows.get(1).notes()).isEmpty();
	}

	@Test
	void readsClockifyWithoutTheOptionalColumns() {
		Parsed parsed = parseText("""
				Project,Client,Description,Task,User,Group,Email,Tags,Billable,Start Date,Start Time,End Date,End Time,Duration (h),Duration (decimal),Billable Rate (GBP),Billable Amount (GBP)
				Data,,,,Sam,,sam@example.net,,,01/31/2025,11:50 pm,02/01/2025,12:10 am,,,,
				""");

		assertThat(parsed.errors).isEmpty();
		assertThat(parsed.rows).extracting(ImportRow::minutes, ImportRow::billable, ImportRow::billRate,
				ImportRow::currency)
			.containsExactly(tuple(20, null, null, "GBP"));
	}

	@Test
	void readsLedgerflowHoursOrStartAndEnd() {
		Parsed parsed = parseResource("ledgerflow.csv");

		assertThat(parsed.format).isEqualTo(SourceFormat.LEDGERFLOW);
		assertThat(parsed.errors).isEmpty();
		assertThat(parsed.rows).extracting(ImportRow::minutes, ImportRow::start, ImportRow::billable)
			.containsExactly(tuple(90, null, true), tuple(150, LocalTime.of(22, 30), false), tuple(15, null, null),
					tuple(15, null, null));
		assertThat(parsed.rows.get(0)).extracting(ImportRow::personEmail, ImportRow::projectCode)
			.containsExactly("ada@example.com", "ACME-1");
	}

	@Test
	void givesRepeatableImportKeysAndDistinctOnesToIdenticalRows() {
		List<String> first = parseResource("ledgerflow.csv").rows.stream().map(ImportRow::importKey).toList();
		List<String> second = parseResource("ledgerflow.csv").rows.stream().map(ImportRow::importKey).toList();

		assertThat(first).isEqualTo(second).doesNotHaveDuplicates().allMatch((key) -> key.matches("[0-9a-f]{64}"));
	}

	@Test
	void keysIgnoreTheCaseOfThePersonsEmail() {
		String row = "2025-03-03,%s,Acme,App,,,1,,,Note,\n";
		String header = "date,person_email,client,project,project_code,task,hours,start,end,notes,billable\n";

		String lower = parseText(header + row.formatted("ada@example.com")).rows.get(0).importKey();
		String upper = parseText(header + row.formatted("Ada@Example.COM")).rows.get(0).importKey();

		assertThat(lower).isEqualTo(upper);
	}

	@Test
	void rejectsAnUnknownHeaderNamingIt() {
		assertThatThrownBy(() -> parseText("Foo,Bar,Baz\n1,2,3\n")).isInstanceOfSatisfying(TimeCsvUnreadable.class,
				(ex) -> assertThat(ex.reason()).contains("Foo,Bar,Baz"));
	}

	@Test
	void rejectsAFileWithoutARequiredColumn() {
		assertThatThrownBy(() -> parseText("""
				Date,Client,Project,Task,Notes,Billable?,First Name,Last Name
				2025-01-02,Acme,App,Dev,,Yes,Mia,Chen
				""")).isInstanceOfSatisfying(TimeCsvUnreadable.class,
				(ex) -> assertThat(ex.column()).isEqualTo("Hours"));
	}

	@Test
	void rejectsAnUnclosedQuoteAsMalformed() {
		assertThatThrownBy(() -> parseText("Date,Project,Hours,First Name,Last Name\n2025-01-01,\"App,1,Mia,Chen\n"))
			.isInstanceOfSatisfying(TimeCsvUnreadable.class,
					(ex) -> assertThat(ex.reason()).startsWith("malformed CSV").contains("startline 2"));
	}

	@Test
	void reportsEveryBadCellWithItsLineAndColumn() {
		Parsed parsed = parseText("""
				Date,Project,Hours,Billable?,First Name,Last Name
				2025-01-02,App,"Line one
				line two",Yes,Mia,Chen
				2025-01-02,App,abc,Yes,Mia,Chen
				2025-02-30,,1,maybe,Mia,Chen
				2025-01-03,App,-1,No,,
				""");

		assertThat(parsed.rows).isEmpty();
		assertThat(parsed.errors).containsExactly(new RowError(2, "Hours", "not a number: 'Line one\nline two'"),
				new RowError(4, "Hours", "not a number: 'abc'"), new RowError(5, "Date", "not a date: '2025-02-30'"),
				new RowError(5, "Project", "empty"), new RowError(5, "Billable?", "not yes or no: 'maybe'"),
				new RowError(6, "Hours", "negative: '-1'"),
				new RowError(6, "First Name", "empty, and so is Last Name"));
	}

	@Test
	void reportsBadTimesAndDurations() {
		Parsed parsed = parseText("""
				User,Email,Project,Start date,Start time,End date,End time,Duration
				Lena,lena@example.org,App,13/01/2025,25:00,,,1h
				Lena,lena@example.org,App,2025-01-13,,,,
				""");

		assertThat(parsed.errors).containsExactly(new RowError(2, "Start date", "not a date: '13/01/2025'"),
				new RowError(2, "Start time", "not a time: '25:00'"), new RowError(2, "Duration", "not a duration: '1h'"),
				new RowError(3, "Duration", "empty, and no start and end time"));
	}

	@Test
	void readsLocalizedAndGroupedNumbers() {
		assertThat(LocalizedDecimal.parse("2.000,0")).isEqualByComparingTo("2000");
		assertThat(LocalizedDecimal.parse("1,234.50")).isEqualByComparingTo("1234.5");
		assertThat(LocalizedDecimal.parse("7,5")).isEqualByComparingTo("7.5");
		assertThat(LocalizedDecimal.parse("7.5")).isEqualByComparingTo("7.5");
		assertThat(LocalizedDecimal.parse("0,01")).isEqualByComparingTo("0.01");
		assertThat(LocalizedDecimal.parse("1.000.000")).isEqualByComparingTo("1000000");
		assertThat(LocalizedDecimal.parse("12")).isEqualByComparingTo(BigDecimal.valueOf(12));
		assertThat(LocalizedDecimal.parse("1,2,3")).isNull();
		assertThat(LocalizedDecimal.parse("1.2,3.4")).isNull();
		assertThat(LocalizedDecimal.parse("abc")).isNull();
	}

	@Test
	void streamsALargeHarvestExport() {
		AtomicInteger rows = new AtomicInteger();
		List<RowError> errors = new ArrayList<>();

		SourceFormat format = parser.parse(new GeneratedHarvestExport(100_000), (row) -> rows.incrementAndGet(),
				errors::add);

		assertThat(format).isEqualTo(SourceFormat.HARVEST);
		assertThat(errors).isEmpty();
		assertThat(rows).hasValue(100_000);
	}

	private Parsed parseResource(String name) {
		InputStream csv = getClass().getResourceAsStream("/timetracking/import/" + name);
		assertThat(csv).as(name).isNotNull();
		return parse(csv);
	}

	private Parsed parseText(String text) {
		return parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
	}

	private Parsed parse(InputStream csv) {
		Parsed parsed = new Parsed();
		parsed.format = parser.parse(csv, parsed.rows::add, parsed.errors::add);
		return parsed;
	}

	private static final class Parsed {

		SourceFormat format;

		final List<ImportRow> rows = new ArrayList<>();

		final List<RowError> errors = new ArrayList<>();

	}

	/** A Harvest export produced line by line while it is read, never held in memory as a whole. */
	private static final class GeneratedHarvestExport extends InputStream {

		private final int rows;

		private int next = 0;

		private byte[] line = "Date,Client,Project,Task,Notes,Hours,First Name,Last Name\n"
			.getBytes(StandardCharsets.UTF_8);

		private int position = 0;

		GeneratedHarvestExport(int rows) {
			this.rows = rows;
		}

		@Override
		public int read() {
			if (position == line.length && !advance()) {
				return -1;
			}
			return line[position++] & 0xFF;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (length == 0) {
				return 0;
			}
			if (position == line.length && !advance()) {
				return -1;
			}
			int count = Math.min(length, line.length - position);
			System.arraycopy(line, position, buffer, offset, count);
			position += count;
			return count;
		}

		private boolean advance() {
			if (next == rows) {
				return false;
			}
			next++;
			LocalDate day = LocalDate.of(2024, 1, 1).plusDays(next % 365);
			line = (day + ",Acme,Project " + (next % 17) + ",Dev,\"Entry " + next + "\",\"" + (next % 8) + ",25\",Mia,Chen\n")
				.getBytes(StandardCharsets.UTF_8);
			position = 0;
			return true;
		}

	}

}
