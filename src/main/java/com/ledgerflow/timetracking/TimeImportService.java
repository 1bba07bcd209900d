package com.ledgerflow.timetracking;

import java.io.InputStream;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import com.ledgerflow.client.ClientService;
import com.ledgerflow.people.Person;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.project.ProjectPlanService;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.project.ProjectTeam;
import com.ledgerflow.timetracking.importer.ImportRow;
import com.ledgerflow.timetracking.importer.RowError;
import com.ledgerflow.timetracking.importer.SourceFormat;
import com.ledgerflow.timetracking.importer.TimeCsvParser;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports time from a Harvest, Toggl, Clockify or Ledgerflow CSV: {@link #preview} says what would happen,
 * {@link #commit} does it — all or nothing: a file with any row error saves nothing ({@link TimeImportRejected}).
 * The file is streamed in chunks (rows are never all in memory); every row carries an import key, so importing the
 * same file again skips what is there (a unique index makes that hold under concurrent imports too). Imported
 * entries are drafts with origin {@code IMPORT}; rates are the rate card's at approval, not the file's.
 */
@Service
public class TimeImportService {

	static final int CHUNK = 1000;

	private static final String INSERT = """
			insert into time_entry (id, person_id, project_id, task_id, work_date, iso_week, minutes, start_time,
			  end_time, notes, billable, status, origin, import_key, created_at, updated_at, version)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', 'IMPORT', ?, ?, ?, 0)
			on conflict (import_key) where import_key is not null do nothing""";

	private final TimeCsvParser parser;

	private final TimeEntryRules rules;

	private final PersonService people;

	private final ClientService clients;

	private final ProjectService projects;

	private final ProjectPlanService plans;

	private final ProjectTeam team;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	private final EntityManager entityManager;

	TimeImportService(TimeCsvParser parser, TimeEntryRules rules, PersonService people,
			ClientService clients, ProjectService projects, ProjectPlanService plans, ProjectTeam team,
			JdbcTemplate jdbc, Clock clock, EntityManager entityManager) {
		this.parser = parser;
		this.rules = rules;
		this.people = people;
		this.clients = clients;
		this.projects = projects;
		this.plans = plans;
		this.team = team;
		this.jdbc = jdbc;
		this.clock = clock;
		this.entityManager = entityManager;
	}

	/** What importing the file would do; changes nothing. */
	@Transactional(readOnly = true)
	public TimeImportReport preview(InputStream csv, String importerUserId, boolean mayImportOthers) {
		return run(csv, importerUserId, mayImportOthers, false);
	}

	/**
	 * Imports the file; returns what it did.
	 * @throws TimeImportRejected when any row has an error: then nothing is saved
	 * @throws com.ledgerflow.timetracking.importer.TimeCsvUnreadable when the file is no known export
	 */
	@Transactional
	public TimeImportReport commit(InputStream csv, String importerUserId, boolean mayImportOthers) {
		TimeImportReport report = run(csv, importerUserId, mayImportOthers, true);
		if (report.hasErrors()) {
			throw new TimeImportRejected(report);
		}
		return report;
	}

	private TimeImportReport run(InputStream csv, String importerUserId, boolean mayImportOthers, boolean save) {
		Person importer = people.findByUserId(importerUserId).orElse(null);
		TimeImportMatcher matcher = new TimeImportMatcher(save, importer, mayImportOthers, rules.today(), people,
				clients, projects, plans, team);
		// the matcher keeps what it needs of the people, clients and projects it read; nothing is pending yet, so the
		// persistence context can let go of them instead of dirty-checking them at every chunk's flush
		entityManager.clear();
		Run run = new Run(matcher, new DayTotals(jdbc), save, clock.instant());
		SourceFormat format = parser.parse(csv, run::accept, run::error);
		run.flush();
		return new TimeImportReport(format, save && run.errorCount == 0, run.rows, run.imported, run.alreadyImported,
				TimesheetSummary.toHours(run.minutes), List.copyOf(run.errors), run.errorCount,
				List.copyOf(matcher.newProjects), List.copyOf(matcher.newTasks), List.copyOf(matcher.teamAdditions),
				List.copyOf(matcher.matchedPeople), List.copyOf(matcher.matchedProjects), run.firstDate,
				run.firstPerson);
	}

	/** One import's state: the current chunk of rows, the counts, the errors so far. */
	private final class Run {

		private final TimeImportMatcher matcher;

		private final DayTotals totals;

		private final boolean save;

		private final Instant now;

		private final List<ImportRow> chunk = new ArrayList<>(CHUNK);

		private final List<RowError> errors = new ArrayList<>();

		private int errorCount;

		private int rows;

		private int imported;

		private int alreadyImported;

		private long minutes;

		private @Nullable LocalDate firstDate;

		private @Nullable UUID firstPerson;

		Run(TimeImportMatcher matcher, DayTotals totals, boolean save, Instant now) {
			this.matcher = matcher;
			this.totals = totals;
			this.save = save;
			this.now = now;
		}

		void accept(ImportRow row) {
			rows++;
			chunk.add(row);
			if (chunk.size() == CHUNK) {
				flush();
			}
		}

		void error(RowError error) {
			if (errors.isEmpty() || errors.get(errors.size() - 1).line() != error.line()) {
				rows++;
			}
			record(error);
		}

		private void record(RowError error) {
			errorCount++;
			if (errors.size() < TimeImportReport.MAX_LISTED_ERRORS) {
				errors.add(error);
			}
		}

		void flush() {
			if (chunk.isEmpty()) {
				return;
			}
			Set<String> known = new HashSet<>(jdbc.queryForList(
					"select import_key from time_entry where import_key = any(?)", String.class,
					(Object) chunk.stream().map(ImportRow::importKey).toArray(String[]::new)));
			List<TimeImportMatcher.Matched> ready = new ArrayList<>(chunk.size());
			Consumer<RowError> sink = this::record;
			for (ImportRow row : chunk) {
				if (known.contains(row.importKey())) {
					alreadyImported++;
					continue;
				}
				TimeImportMatcher.Matched matched = matcher.match(row, sink);
				if (matched != null && fitsTheDay(matched)) {
					ready.add(matched);
					if (firstDate == null) {
						firstDate = row.date();
						firstPerson = matched.personId();
					}
					minutes += row.minutes();
					imported++;
				}
			}
			chunk.clear();
			if (save && errorCount == 0) {
				insert(ready);
			}
		}

		private boolean fitsTheDay(TimeImportMatcher.Matched matched) {
			ImportRow row = matched.row();
			int total = totals.withAdded(matched.personId(), row.date(), row.minutes());
			if (total > TimeEntryRules.MINUTES_PER_DAY) {
				record(new RowError(row.line(), Columns.duration(row.format()), "would make "
						+ TimeEntryRules.hours(total) + " h on " + row.date() + "; a day has at most 24 h"));
				return false;
			}
			totals.add(matched.personId(), row.date(), row.minutes());
			return true;
		}

		private void insert(List<TimeImportMatcher.Matched> ready) {
			if (matcher.createdSinceLastCall()) {
				entityManager.flush(); // projects, tasks and team members created for these rows go first
			}
			Timestamp stamp = Timestamp.from(now);
			jdbc.batchUpdate(INSERT, ready, ready.size(), (statement, matched) -> {
				ImportRow row = matched.row();
				boolean timed = row.start() != null && row.end() != null && row.end().isAfter(row.start());
				statement.setObject(1, UUID.randomUUID());
				statement.setObject(2, matched.personId());
				statement.setObject(3, matched.projectId());
				setNullable(statement, 4, matched.taskId());
				statement.setDate(5, Date.valueOf(row.date()));
				statement.setString(6, IsoWeek.of(row.date()).toString());
				statement.setInt(7, row.minutes());
				statement.setObject(8, timed ? Time.valueOf(row.start()) : null, Types.TIME);
				statement.setObject(9, timed ? Time.valueOf(row.end()) : null, Types.TIME);
				statement.setString(10, row.notes());
				statement.setBoolean(11, matched.billable());
				statement.setString(12, row.importKey());
				statement.setTimestamp(13, stamp);
				statement.setTimestamp(14, stamp);
			});
		}

		private static void setNullable(PreparedStatement statement, int index, @Nullable UUID value)
				throws SQLException {
			if (value == null) {
				statement.setNull(index, Types.OTHER);
			}
			else {
				statement.setObject(index, value);
			}
		}

	}

}
