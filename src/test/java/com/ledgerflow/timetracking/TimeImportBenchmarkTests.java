package com.ledgerflow.timetracking;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.ledgerflow.ApiTestSupport;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.project.ProjectPlanService;
import com.ledgerflow.project.TaskDetails;
import com.ledgerflow.security.StaffAccount;
import com.ledgerflow.security.StaffGroups;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 100,000-row Harvest export imported whole (parse, match, validate, save) against a plain JDBC batch insert of
 * the same rows into the same table, in the same run; and the heap the import needed at its peak. Run with
 * {@code ./mvnw -Pbench verify}.
 */
@Tag("benchmark")
@IntegrationTest
class TimeImportBenchmarkTests extends ApiTestSupport {

	static final int ROWS = 100_000;

	static final int PEOPLE = 20;

	@Autowired
	TimeImportService imports;

	@Autowired
	ProjectPlanService plans;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Value("${ledgerflow.company.time-zone}")
	ZoneId zone;

	@TempDir
	Path dir;

	@Test
	void importsAHundredThousandHarvestRows() throws Exception {
		String clientName = unique("Bench client");
		UUID client = newClient(clientName);
		UUID manager = newPerson();
		String managerLogin = get("/api/v1/people/" + manager).read("$.userId");
		staff.ensureUser(new StaffAccount(managerLogin, "Bench", "Manager", managerLogin + "@firm.test"), managerLogin,
				Set.of(StaffGroups.MANAGERS));
		UUID project = newProject(client, manager, "TIME_AND_MATERIALS");
		String projectName = get("/api/v1/projects/" + project).read("$.name");
		plans.addTask(project, new TaskDetails("Build", null, null, null, null, null, null));
		List<UUID> people = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (int i = 0; i < PEOPLE; i++) {
			UUID person = newPerson();
			people.add(person);
			names.add(get("/api/v1/people/" + person).read("$.name"));
		}
		LocalDate start = LocalDate.now(zone).minusDays(1);

		Path warmUp = harvestFile("warm-up.csv", clientName, projectName, names, 2_000, start, "warm");
		Path measured = harvestFile("measured.csv", clientName, projectName, names, ROWS, start, "bench");
		try (InputStream csv = Files.newInputStream(warmUp)) {
			imports.commit(csv, managerLogin, true);
		}
		plainInsert(project, people, 2_000, start.minusYears(10));

		long importStart = System.nanoTime();
		TimeImportReport report;
		try (InputStream csv = Files.newInputStream(measured)) {
			report = imports.commit(csv, managerLogin, true);
		}
		long importNanos = System.nanoTime() - importStart;

		Path again = harvestFile("heap.csv", clientName, projectName, names, ROWS, start.minusDays(400), "heap");
		LiveHeap live = LiveHeap.watch(Duration.ofMillis(500));
		try (InputStream csv = Files.newInputStream(again)) {
			imports.commit(csv, managerLogin, true);
		}
		long liveGrowth = live.stop();

		long plainStart = System.nanoTime();
		plainInsert(project, people, ROWS, start.minusYears(20));
		long plainNanos = System.nanoTime() - plainStart;

		double importRate = ROWS / (importNanos / 1e9);
		double plainRate = ROWS / (plainNanos / 1e9);
		System.out.printf(Locale.ROOT, "BENCH time_import_harvest_100k %.0f rows/s ratio=%.2f%n", importRate,
				importRate / plainRate);
		// the live heap (after each collection) grew by this much at most; ratio: against the file's size, which
		// loading every row as an object would exceed several times over
		System.out.printf(Locale.ROOT, "BENCH time_import_harvest_100k_peak_live_heap %.1f MB ratio=%.2f%n",
				liveGrowth / 1048576.0, (double) liveGrowth / Files.size(measured));
		assertThat(report.imported()).isEqualTo(ROWS);
		assertThat(report.errorCount()).isZero();
		assertThat(liveGrowth).as("live heap growth").isLessThan(Files.size(measured) * 3);
		assertThat(jdbc.queryForObject(
				"select count(*) from time_entry where project_id = ? and import_key not like 'plain-%'",
				Integer.class, project))
			.isEqualTo(2 * ROWS + 2_000);
	}

	/** Harvest rows: each person half-hour slots, 16 a day, going back from {@code last}. */
	private Path harvestFile(String name, String client, String project, List<String> people, int rows,
			LocalDate last, String tag) throws IOException {
		Path file = dir.resolve(name);
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write(TimeImportIntegrationTests.HARVEST);
			for (int i = 0; i < rows; i++) {
				String person = people.get(i % people.size());
				int slot = i / people.size();
				LocalDate date = last.minusDays(slot / 16 + (tag.equals("warm") ? 4000 : 0));
				out.write(String.join(",", date.toString(), client, project, "", "Build",
						tag + " " + i, "\"0,5\"", "Yes", "No", "No", person.substring(0, person.indexOf(' ')),
						person.substring(person.indexOf(' ') + 1), "", "Yes", "\"150,0\"", "\"75,0\"", "\"60,0\"",
						"\"30,0\"", "Euro - EUR", ""));
				out.write('\n');
			}
		}
		return file;
	}

	private void plainInsert(UUID project, List<UUID> people, int rows, LocalDate last) {
		Timestamp now = Timestamp.from(Instant.now());
		transactions.executeWithoutResult(status -> {
			List<Object[]> batch = new ArrayList<>(TimeImportService.CHUNK);
			for (int i = 0; i < rows; i++) {
				LocalDate date = last.minusDays(i / people.size() / 16);
				batch.add(new Object[] { UUID.randomUUID(), people.get(i % people.size()), project, Date.valueOf(date),
						IsoWeek.of(date).toString(), 30, "plain " + i, true, "plain-" + UUID.randomUUID(), now, now });
				if (batch.size() == TimeImportService.CHUNK || i == rows - 1) {
					jdbc.batchUpdate("""
							insert into time_entry (id, person_id, project_id, work_date, iso_week, minutes, notes,
							  billable, status, origin, import_key, created_at, updated_at, version)
							values (?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', 'IMPORT', ?, ?, ?, 0)""", batch);
					batch.clear();
				}
			}
		});
	}

}
