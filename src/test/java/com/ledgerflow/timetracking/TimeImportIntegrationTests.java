package com.ledgerflow.timetracking;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.ledgerflow.ApiTestSupport;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.project.ProjectPlanService;
import com.ledgerflow.project.TaskDetails;
import com.ledgerflow.security.StaffAccount;
import com.ledgerflow.security.StaffGroups;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Importing Harvest, Toggl and Clockify exports over the API: preview, all-or-nothing commit, no duplicates. */
@IntegrationTest
class TimeImportIntegrationTests extends ApiTestSupport {

	static final String HARVEST = "Date,Client,Project,Project Code,Task,Notes,Hours,Billable?,Invoiced?,Approved?,"
			+ "First Name,Last Name,Roles,Employee?,Billable Rate,Billable Amount,Cost Rate,Cost Amount,Currency,"
			+ "External Reference URL\n";

	@Autowired
	ProjectPlanService plans;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${ledgerflow.company.time-zone}")
	ZoneId zone;

	UUID person;

	String personName;

	String email;

	String login;

	String clientName;

	UUID project;

	String projectName;

	LocalDate monday;

	String managerLogin;

	@BeforeEach
	void firmWithAConsultant() {
		person = newPerson();
		login = get("/api/v1/people/" + person).read("$.userId");
		personName = get("/api/v1/people/" + person).read("$.name");
		email = get("/api/v1/people/" + person).read("$.email");
		staff.ensureUser(new StaffAccount(login, "Pat", "Consultant", email), login, Set.of(StaffGroups.CONSULTANTS));
		clientName = unique("Nordlicht");
		UUID client = newClient(clientName);
		project = newProject(client, newPerson(), "TIME_AND_MATERIALS");
		projectName = get("/api/v1/projects/" + project).read("$.name");
		plans.addTask(project, new TaskDetails("Design", person, null, null, null, false, null));
		monday = IsoWeek.of(LocalDate.now(zone)).previous().monday();
		UUID manager = newPerson();
		managerLogin = get("/api/v1/people/" + manager).read("$.userId");
		staff.ensureUser(new StaffAccount(managerLogin, "Max", "Manager", managerLogin + "@firm.test"), managerLogin,
				Set.of(StaffGroups.MANAGERS));
	}

	@Test
	void previewsAHarvestExportThenImportsItOnce() {
		String first = personName.substring(0, personName.indexOf(' '));
		String last = personName.substring(personName.indexOf(' ') + 1);
		String newProject = unique("Brand refresh");
		String csv = HARVEST
				+ row(monday, clientName, projectName, "Design", "\"Wireframes,\nstart page\"", "\"7,5\"", "Yes", first, last)
				+ row(monday, clientName, projectName, "Design", "Review", "\"0,01\"", "", first, last)
				+ row(monday.plusDays(1), clientName, newProject, "Discovery", "Kick-off", "\"2.5\"", "No", first, last);

		var consultantPreview = upload(login, "/api/v1/time-imports/preview", "harvest.csv", csv).expect(200);
		assertThat((String) consultantPreview.read("$.errors[0].reason")).contains("a manager creates it");

		var preview = upload(managerLogin, "/api/v1/time-imports/preview", "harvest.csv", csv).expect(200);
		assertThat((String) preview.read("$.format")).isEqualTo("HARVEST");
		assertThat((Integer) preview.read("$.imported")).isEqualTo(3);
		assertThat((Double) preview.read("$.hours")).isEqualTo(10.02);
		assertThat((List<String>) preview.read("$.newTasks")).containsExactly(newProject + " / Discovery");
		assertThat((List<String>) preview.read("$.newProjects")).singleElement().asString().contains(newProject);
		assertThat((List<String>) preview.read("$.matchedPeople")).containsExactly(personName);
		assertThat(countEntries()).isZero();
		assertThat(jdbc.queryForObject("select count(*) from project where name = ?", Integer.class, newProject))
			.isZero();

		var imported = upload(managerLogin, "/api/v1/time-imports", "harvest.csv", csv).expect(201);
		assertThat((Integer) imported.read("$.imported")).isEqualTo(3);
		List<Map<String, Object>> rows = jdbc.queryForList("""
				select e.minutes, e.notes, e.billable, e.status, e.origin, t.name as task from time_entry e
				left join project_task t on t.id = e.task_id where e.person_id = ? order by e.work_date, e.minutes""",
				person);
		assertThat(rows).extracting(row -> row.get("minutes")).containsExactly(1, 450, 150);
		assertThat(rows.get(1)).containsEntry("notes", "Wireframes,\nstart page").containsEntry("billable", true);
		// the empty Billable? cell takes the task's setting: Design is not billable
		assertThat(rows.get(0)).containsEntry("billable", false).containsEntry("status", "DRAFT")
			.containsEntry("origin", "IMPORT");
		assertThat(rows.get(2)).containsEntry("task", "Discovery").containsEntry("billable", false);

		var again = upload(managerLogin, "/api/v1/time-imports", "harvest.csv", csv).expect(201);
		assertThat((Integer) again.read("$.imported")).isZero();
		assertThat((Integer) again.read("$.alreadyImported")).isEqualTo(3);
		assertThat(countEntries()).isEqualTo(3);
	}

	@Test
	void importsTogglWithItsByteOrderMarkAndTimes() {
		String csv = "\uFEFFUser,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,"
				+ "End time,Duration,Tags,Amount (EUR)\n" + "%s,%s,%s,%s,Design,Call,Yes,%s,09:15:00,%s,10:45:00,01:30:00,,\n"
					.formatted(personName, email, clientName, projectName, monday, monday);
		upload(login, "/api/v1/time-imports", "toggl.csv", csv).expect(201);
		Map<String, Object> entry = jdbc.queryForMap(
				"select minutes, start_time::text as start, end_time::text as end from time_entry where person_id = ?",
				person);
		assertThat(entry).containsEntry("minutes", 90).containsEntry("start", "09:15:00")
			.containsEntry("end", "10:45:00");
	}

	@Test
	void importsClockifyWithUsDatesAndTwelveHourTimes() {
		String us = monday.format(DateTimeFormatter.ofPattern("MM/dd/yyyy"));
		String csv = "Project,Client,Description,Task,User,Group,Email,Tags,Billable,Start Date,Start Time,End Date,"
				+ "End Time,Duration (h),Duration (decimal),Billable Rate (USD),Billable Amount (USD),Type\n"
				+ "%s,%s,Review,Design,%s,,%s,,Yes,%s,01:30 PM,%s,03:00:00 PM,01:30:00,1.50,150.00,225.00,REGULAR\n"
					.formatted(projectName, clientName, personName, email, us, us);
		upload(login, "/api/v1/time-imports", "clockify.csv", csv).expect(201);
		assertThat(jdbc.queryForObject("select start_time::text from time_entry where person_id = ?", String.class,
				person))
			.isEqualTo("13:30:00");
	}

	@Test
	void aBrokenFileSavesNothingAndNamesEveryRowError() {
		String first = personName.substring(0, personName.indexOf(' '));
		String last = personName.substring(personName.indexOf(' ') + 1);
		String newProject = unique("Never");
		String csv = HARVEST + row(monday, clientName, newProject, "Design", "ok", "2", "Yes", first, last)
				+ row(monday, clientName, projectName, "Design", "bad", "abc", "Yes", first, last)
				+ row(monday, clientName, projectName, "Design", "who", "1", "Yes", "Nobody", "Known")
				+ row(monday.plusDays(2), clientName, projectName, "Design", "long", "20", "Yes", first, last)
				+ row(monday.plusDays(2), clientName, projectName, "Design", "longer", "5", "Yes", first, last);
		var refused = upload(managerLogin, "/api/v1/time-imports", "harvest.csv", csv).expect(400);
		List<Map<String, Object>> errors = refused.read("$.errors");
		assertThat(errors).extracting(e -> e.get("line"), e -> e.get("column"))
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3, "Hours"),
					org.assertj.core.groups.Tuple.tuple(4, "First Name"),
					org.assertj.core.groups.Tuple.tuple(6, "Hours"));
		assertThat((String) errors.get(0).get("reason")).contains("not a number: 'abc'");
		assertThat((String) errors.get(1).get("reason")).contains("no person named Nobody Known");
		assertThat((String) errors.get(2).get("reason")).contains("25 h", "at most 24 h");
		assertThat(countEntries()).isZero();
		assertThat(jdbc.queryForObject("select count(*) from project where name = ?", Integer.class, newProject))
			.isZero();
	}

	@Test
	void refusesAFileWithoutARequiredColumn() {
		String csv = "Date,Client,Project,Task,Notes,First Name,Last Name\n2026-01-05,A,B,C,D,E,F\n";
		var refused = upload(login, "/api/v1/time-imports/preview", "old.csv", csv).expect(400);
		assertThat((String) refused.read("$.detail")).contains("Hours");
		var unknown = upload(login, "/api/v1/time-imports/preview", "x.csv", "a,b,c\n1,2,3\n").expect(400);
		assertThat((String) unknown.read("$.detail")).startsWith("header");
	}

	@Test
	void aConsultantImportsOnlyTheirOwnTime() {
		UUID colleague = newPerson();
		String colleagueName = get("/api/v1/people/" + colleague).read("$.name");
		String csv = HARVEST + row(monday, clientName, projectName, "Design", "x", "1", "Yes",
				colleagueName.substring(0, colleagueName.indexOf(' ')),
				colleagueName.substring(colleagueName.indexOf(' ') + 1));
		var refused = upload(login, "/api/v1/time-imports", "h.csv", csv).expect(400);
		assertThat((String) refused.read("$.errors[0].reason")).contains("only your own time");
		// a manager may, and the colleague joins the project's team
		var imported = upload(MANAGER, "/api/v1/time-imports", "h.csv", csv).expect(201);
		assertThat((List<String>) imported.read("$.teamAdditions")).containsExactly(colleagueName + " → "
				+ projectName);
	}

	private int countEntries() {
		return jdbc.queryForObject("select count(*) from time_entry where person_id = ?", Integer.class, person);
	}

	private static String row(LocalDate date, String client, String project, String task, String notes,
			String hours, String billable, String first, String last) {
		return String.join(",", date.toString(), client, project, "", task, notes, hours, billable, "No", "No", first,
				last, "", "Yes", "100.0", "", "0.0", "", "US Dollar - USD", "") + "\n";
	}

	private Response upload(String user, String path, String filename, String csv) {
		LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return filename;
			}
		});
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, user);
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
		return new Response(http.exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers), String.class));
	}

}
