package com.ledgerflow.timetracking;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.ledgerflow.ApiTestSupport;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.project.ProjectPlanService;
import com.ledgerflow.project.ProjectTeam;
import com.ledgerflow.project.RateCard;
import com.ledgerflow.project.TaskDetails;
import com.ledgerflow.security.StaffAccount;
import com.ledgerflow.security.StaffGroups;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The time-entry, timesheet and timer API over HTTP, each validation rule with the answer a caller gets. */
@IntegrationTest
class TimeEntryApiIntegrationTests extends ApiTestSupport {

	@Autowired
	ProjectTeam team;

	@Autowired
	ProjectPlanService plans;

	@Autowired
	RateCard rateCard;

	@Autowired
	TimesheetService timesheets;

	@Autowired
	TimeBooking booking;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${ledgerflow.company.time-zone}")
	ZoneId zone;

	UUID consultant;

	String consultantLogin;

	UUID project;

	UUID task;

	LocalDate monday;

	@BeforeEach
	void consultantOnAProject() {
		consultant = newPerson();
		consultantLogin = get("/api/v1/people/" + consultant).read("$.userId");
		staff.ensureUser(new StaffAccount(consultantLogin, "Pat", "Consultant", consultantLogin + "@firm.test"),
				consultantLogin, Set.of(StaffGroups.CONSULTANTS));
		UUID manager = newPerson();
		project = newProject(newClient(), manager, "TIME_AND_MATERIALS");
		task = plans.addTask(project, new TaskDetails("Design", consultant, null, null, null, null, null)).id();
		monday = IsoWeek.of(LocalDate.now(zone)).previous().monday();
	}

	@Test
	void booksAnEntryFromStartAndEndWithTheTasksBillableDefault() {
		var entry = asConsultant(HttpMethod.POST, "/api/v1/time-entries", entry(monday, null, "09:00", "11:30"))
			.expect(201);
		assertThat((Integer) entry.read("$.minutes")).isEqualTo(150);
		assertThat((Boolean) entry.read("$.billable")).isTrue();
		assertThat((String) entry.read("$.status")).isEqualTo("DRAFT");
		assertThat((String) entry.read("$.origin")).isEqualTo("API");
		assertThat((String) entry.read("$.personId")).isEqualTo(consultant.toString());
		assertThat((String) entry.read("$.isoWeek")).isEqualTo(IsoWeek.of(monday).toString());
	}

	@Test
	void refusesZeroAndNegativeDurations() {
		assertThat(asConsultant(HttpMethod.POST, "/api/v1/time-entries", entry(monday, 0, null, null)).expect(400)
			.errors()).containsEntry("minutes", "must be more than zero, not 0");
		assertThat(asConsultant(HttpMethod.POST, "/api/v1/time-entries", entry(monday, -30, null, null)).expect(400)
			.errors()).containsKey("minutes");
		assertThat(asConsultant(HttpMethod.POST, "/api/v1/time-entries", entry(monday, null, "10:00", "09:00"))
			.expect(400)
			.errors()).containsKey("end");
		assertThat(weekEntries()).isEmpty();
	}

	@Test
	void refusesMoreThanTwentyFourHoursADayAcrossEntries() {
		asConsultant(HttpMethod.POST, "/api/v1/time-entries", entry(monday, 16 * 60, null, null)).expect(201);
		var refused = asConsultant(HttpMethod.POST, "/api/v1/time-entries", entry(monday, 8 * 60 + 1, null, null))
			.expect(400);
		assertThat((String) refused.errors().get("minutes")).contains("24.02 h", "at most 24 h");
		asConsultant(HttpMethod.POST, "/api/v1/time-entries", entry(monday, 8 * 60, null, null)).expect(201);
		assertThat(weekEntries()).hasSize(2);
	}

	@Test
	void refusesADateInTheFuture() {
		LocalDate tomorrow = LocalDate.now(zone).plusDays(1);
		assertThat(asConsultant(HttpMethod.POST, "/api/v1/time-entries", entry(tomorrow, 60, null, null)).expect(400)
			.errors()).containsKey("date");
	}

	@Test
	void refusesClosedAndUnknownProjects() {
		UUID unknown = UUID.randomUUID();
		var notFound = asConsultant(HttpMethod.POST, "/api/v1/time-entries",
				entry(monday, 60, null, null).replace(project.toString(), unknown.toString()))
			.expect(404);
		assertThat((String) notFound.read("$.detail")).contains(unknown.toString());
		jdbc.update("update project set status = 'CLOSED' where id = ?", project);
		var closed = asConsultant(HttpMethod.POST, "/api/v1/time-entries", entry(monday, 60, null, null)).expect(409);
		assertThat((String) closed.read("$.detail")).contains("CLOSED");
	}

	@Test
	void refusesATaskOfAnotherProject() {
		UUID other = newProject(newClient(), newPerson(), "TIME_AND_MATERIALS");
		UUID otherTask = plans.addTask(other, new TaskDetails("Other", consultant, null, null, null, null, null))
			.id();
		String body = entry(monday, 60, null, null).replace(task.toString(), otherTask.toString());
		assertThat((String) asConsultant(HttpMethod.POST, "/api/v1/time-entries", body).expect(400)
			.errors()
			.get("taskId")).contains("belongs to another project");
	}

	@Test
	void refusesAPersonNotOnTheTeamUntilAdded() {
		UUID outsider = newPerson();
		String body = entry(monday, 60, null, null).replace("{", "{\"personId\": \"" + outsider + "\", ");
		assertThat((String) post("/api/v1/time-entries", body).expect(400).errors().get("personId"))
			.contains("not on the team");
		post("/api/v1/projects/" + project + "/members", "{\"personId\": \"" + outsider + "\"}").expect(204);
		post("/api/v1/time-entries", body).expect(201);
	}

	@Test
	void refusesOverlappingSpans() {
		asConsultant(HttpMethod.POST, "/api/v1/time-entries", entry(monday, null, "09:00", "10:00")).expect(201);
		var overlap = asConsultant(HttpMethod.POST, "/api/v1/time-entries", entry(monday, null, "09:30", "10:30"))
			.expect(409);
		assertThat((String) overlap.read("$.detail")).contains("overlaps", "09:00");
		asConsultant(HttpMethod.POST, "/api/v1/time-entries", entry(monday, null, "10:00", "10:30")).expect(201);
	}

	@Test
	void aConsultantBooksOnlyTheirOwnTime() {
		UUID colleague = newPerson();
		team.add(project, colleague);
		String forColleague = entry(monday, 60, null, null).replace("{", "{\"personId\": \"" + colleague + "\", ");
		asConsultant(HttpMethod.POST, "/api/v1/time-entries", forColleague).expect(403);
		asConsultant(HttpMethod.GET, "/api/v1/timesheets/" + colleague + "/" + IsoWeek.of(monday), null).expect(403);
		post("/api/v1/time-entries", forColleague).expect(201);
	}

	@Test
	void bulkCreateIsAllOrNothing() {
		String bulk = "[" + entry(monday, 60, null, null) + "," + entry(monday.plusDays(1), 90, null, null) + ","
				+ entry(monday.plusDays(2), 0, null, null) + "]";
		assertThat(asConsultant(HttpMethod.POST, "/api/v1/time-entries/bulk", bulk).expect(400).errors())
			.containsKey("[2].minutes");
		assertThat(weekEntries()).isEmpty();
		String good = bulk.replace("\"minutes\": 0", "\"minutes\": 30");
		assertThat((List<?>) asConsultant(HttpMethod.POST, "/api/v1/time-entries/bulk", good).expect(201).read("$"))
			.hasSize(3);
		assertThat(weekEntries()).hasSize(3);
	}

	@Test
	void submittedTimeIsLockedAndApprovalFreezesRates() {
		rateCard.setRate(project, consultant, new BigDecimal("175.00"));
		UUID id = asConsultant(HttpMethod.POST, "/api/v1/time-entries", entry(monday, 90, null, null)).expect(201)
			.id();
		asConsultant(HttpMethod.PUT, "/api/v1/time-entries/" + id, entry(monday, 120, null, null)).expect(200);
		String week = IsoWeek.of(monday).toString();
		var submitted = asConsultant(HttpMethod.POST, "/api/v1/timesheets/" + consultant + "/" + week + "/submit", null)
			.expect(200);
		assertThat((String) submitted.read("$.status")).isEqualTo("SUBMITTED");
		assertThat((Double) submitted.read("$.totalHours")).isEqualTo(2.0);
		asConsultant(HttpMethod.POST, "/api/v1/timesheets/" + consultant + "/" + week + "/submit", null).expect(409);
		asConsultant(HttpMethod.PUT, "/api/v1/time-entries/" + id, entry(monday, 60, null, null)).expect(409);
		asConsultant(HttpMethod.DELETE, "/api/v1/time-entries/" + id, null).expect(409);

		timesheets.approve(consultant, IsoWeek.of(monday), MANAGER);
		rateCard.setRate(project, consultant, new BigDecimal("999.00"));
		var approved = asConsultant(HttpMethod.GET, "/api/v1/time-entries/" + id, null).expect(200);
		assertThat((String) approved.read("$.status")).isEqualTo("APPROVED");
		assertThat((Double) approved.read("$.billRate")).isEqualTo(175.00);
		assertThat((Double) approved.read("$.costRate")).isEqualTo(60.00);
	}

	@Test
	void approvedTimeIsBookedInAccountingOnce() {
		UUID id = asConsultant(HttpMethod.POST, "/api/v1/time-entries", entry(monday, 45, null, null)).expect(201)
			.id();
		IsoWeek week = IsoWeek.of(monday);
		timesheets.submit(consultant, week);
		timesheets.approve(consultant, week, MANAGER);
		var first = booking.bookApproved(consultant, week);
		var again = booking.bookApproved(consultant, week);
		assertThat(first).singleElement().satisfies(outcome -> assertThat(outcome.succeeded()).isTrue());
		assertThat(again.get(0).ref()).isEqualTo(first.get(0).ref());
		assertThat(booking.booked(List.of(id))).containsEntry(id, first.get(0).ref().value());
		assertThat(jdbc.queryForObject("select count(*) from local_ledger_time_activity where id = ?", Integer.class,
				first.get(0).ref().value()))
			.isEqualTo(1);
	}

	@Test
	void oneTimerAtATimeAndStoppingBooksIt() {
		String start = "{\"projectId\": \"%s\", \"taskId\": \"%s\", \"notes\": \"Workshop\"}".formatted(project, task);
		String path = "/api/v1/timers/" + consultant;
		asConsultant(HttpMethod.POST, path + "/start", start).expect(201);
		assertThat((String) asConsultant(HttpMethod.POST, path + "/start", start).expect(409).read("$.detail"))
			.contains("already running");
		asConsultant(HttpMethod.GET, path, null).expect(200);
		var entry = asConsultant(HttpMethod.POST, path + "/stop", null).expect(200);
		assertThat((String) entry.read("$.notes")).isEqualTo("Workshop");
		assertThat((Integer) entry.read("$.minutes")).isPositive();
		assertThat((String) entry.read("$.start")).isNotNull();
		asConsultant(HttpMethod.GET, path, null).expect(404);
		asConsultant(HttpMethod.POST, path + "/stop", null).expect(409);
	}

	private Response asConsultant(HttpMethod method, String path, String json) {
		return callAs(consultantLogin, method, path, json);
	}

	private List<?> weekEntries() {
		return get("/api/v1/time-entries?personId=" + consultant + "&isoWeek=" + IsoWeek.of(monday)).expect(200)
			.read("$");
	}

	private String entry(LocalDate date, Integer minutes, String start, String end) {
		StringBuilder json = new StringBuilder("{\"projectId\": \"%s\", \"taskId\": \"%s\", \"date\": \"%s\""
			.formatted(project, task, date));
		if (minutes != null) {
			json.append(", \"minutes\": ").append(minutes);
		}
		if (start != null) {
			json.append(", \"start\": \"").append(start).append("\", \"end\": \"").append(end).append('"');
		}
		return json.append(", \"notes\": \"Sprint work\"}").toString();
	}

}
