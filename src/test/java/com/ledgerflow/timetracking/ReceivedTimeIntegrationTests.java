package com.ledgerflow.timetracking;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ledgerflow.ApiTestSupport;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.TestBrowser;
import com.ledgerflow.TestUsers;
import com.ledgerflow.accounting.AccountingChangeReceived;
import com.ledgerflow.accounting.AccountingPerson;
import com.ledgerflow.accounting.AccountingSync;
import com.ledgerflow.accounting.AccountingSyncStatus;
import com.ledgerflow.accounting.AccountingSystem;
import com.ledgerflow.accounting.ExternalRef;
import com.ledgerflow.accounting.TimeActivityEntry;
import com.ledgerflow.accounting.UnmatchedChange;
import com.ledgerflow.people.PersonService;
import com.ledgerflow.project.ProjectTeam;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Time entered directly in the accounting system (here the local ledger, written through the port as someone else
 * than Ledgerflow's push would) arrives as {@link AccountingChangeReceived} and becomes a draft time entry with origin
 * QBO: once, whatever is delivered twice; never for Ledgerflow's own echo; and listed on the sync page when it cannot
 * be taken over.
 */
@IntegrationTest
class ReceivedTimeIntegrationTests extends ApiTestSupport {

	@Autowired
	AccountingSystem accounting;

	@Autowired
	AccountingSync sync;

	@Autowired
	AccountingSyncStatus syncStatus;

	@Autowired
	ProjectTeam team;

	@Autowired
	PersonService people;

	@Autowired
	TimeEntryRepository entries;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TimesheetService timesheets;

	@Autowired
	TimeBooking booking;

	@Value("${ledgerflow.company.time-zone}")
	ZoneId zone;

	@LocalServerPort
	int port;

	UUID consultant;

	UUID project;

	ExternalRef job;

	ExternalRef item;

	LocalDate monday;

	@BeforeEach
	void consultantOnAProjectSetUpInAccounting() {
		consultant = newPerson();
		project = newProject(newClient(), newPerson(), "TIME_AND_MATERIALS");
		team.add(project, consultant);
		job = sync.setUpProject(project);
		item = accounting.upsertServiceItem("Hours", "1");
		monday = IsoWeek.of(LocalDate.now(zone)).previous().monday();
	}

	@Test
	void timeEnteredInAccountingBecomesADraftEntryWithOriginQbo() {
		ExternalRef activity = enteredInAccounting(pushedEmployee(consultant), 135, false, "Workshop prep");

		received(activity, "Create");

		TimeEntry entry = awaitEntry(activity);
		assertThat(entry.origin()).isEqualTo(TimeEntryOrigin.QBO);
		assertThat(entry.status()).isEqualTo(TimeEntryStatus.DRAFT);
		assertThat(entry.personId()).isEqualTo(consultant);
		assertThat(entry.projectId()).isEqualTo(project);
		assertThat(entry.date()).isEqualTo(monday);
		assertThat(entry.minutes()).isEqualTo(135);
		assertThat(entry.notes()).isEqualTo("Workshop prep");
		assertThat(entry.billable()).isFalse();
	}

	@Test
	void anEmployeeLedgerflowNeverPushedIsMatchedByName() {
		String name = people.get(consultant).name();
		ExternalRef employee = accounting.upsertEmployee(TimeBooking.accountingPerson(people.get(consultant)));
		ExternalRef activity = enteredInAccounting(employee, 60, true, "Call with " + name);

		received(activity, "Create");

		TimeEntry entry = awaitEntry(activity);
		assertThat(entry.personId()).isEqualTo(consultant);
		assertThat(entry.billable()).isTrue();
	}

	@Test
	void theSameChangeTwiceAndCreateThenUpdateMakeOneEntry() {
		ExternalRef activity = enteredInAccounting(pushedEmployee(consultant), 45, true, "Review");

		received(activity, "Create");
		received(activity, "Create");
		received(activity, "Update");
		awaitHandled(activity);

		assertThat(jdbc.queryForObject("select count(*) from time_entry where external_id = ?", Integer.class,
				activity.value())).isEqualTo(1);
		assertThat(entries.findByExternalId(activity.value()).orElseThrow().minutes()).isEqualTo(45);
	}

	@Test
	void aDeletedActivityDeletesItsDraftEntry() {
		ExternalRef activity = enteredInAccounting(pushedEmployee(consultant), 30, true, "Typo");
		received(activity, "Create");
		awaitEntry(activity);

		received(activity, "Delete");
		awaitHandled(activity);

		assertThat(entries.findByExternalId(activity.value())).isEmpty();
	}

	@Test
	void aLockedEntryStaysAsItIsAndTheChangeIsListed() {
		ExternalRef activity = enteredInAccounting(pushedEmployee(consultant), 30, true, "Submitted already");
		received(activity, "Create");
		UUID entry = awaitEntry(activity).id();
		jdbc.update("update time_entry set status = 'SUBMITTED' where id = ?", entry);

		received(activity, "Update");
		received(activity, "Delete");
		awaitHandled(activity);

		assertThat(entries.findById(entry)).get().satisfies(kept -> {
			assertThat(kept.status()).isEqualTo(TimeEntryStatus.SUBMITTED);
			assertThat(kept.minutes()).isEqualTo(30);
		});
		assertThat(unmatched(activity)).get().satisfies(change -> assertThat(change.reason()).contains("SUBMITTED"));
	}

	@Test
	void approvedTimeTakenOverFromAccountingIsNotBookedThereASecondTime() {
		ExternalRef activity = enteredInAccounting(pushedEmployee(consultant), 60, true, "Entered in QuickBooks");
		received(activity, "Create");
		UUID entry = awaitEntry(activity).id();
		Integer before = jdbc.queryForObject("select count(*) from local_ledger_time_activity", Integer.class);

		timesheets.submit(consultant, IsoWeek.of(monday));
		timesheets.approve(consultant, IsoWeek.of(monday), MANAGER);
		var outcomes = booking.bookApproved(consultant, IsoWeek.of(monday));

		assertThat(outcomes).singleElement().satisfies(outcome -> assertThat(outcome.ref()).isEqualTo(activity));
		assertThat(jdbc.queryForObject("select count(*) from local_ledger_time_activity", Integer.class))
			.isEqualTo(before);
		assertThat(booking.booked(List.of(entry))).containsEntry(entry, activity.value());
	}

	@Test
	void timeLedgerflowBookedItselfDoesNotComeBack() {
		TimeActivityEntry own = entry(pushedEmployee(consultant), 90, true, "Booked by Ledgerflow");
		ExternalRef activity = sync.pushTimeActivities(List.of(own)).get(0).ref();

		received(activity, "Create");
		awaitHandled(activity);

		assertThat(entries.findByExternalId(activity.value())).isEmpty();
		assertThat(unmatched(activity)).isEmpty();
	}

	@Test
	void timeOfAnUnknownEmployeeIsListedOnTheSyncPageNotLost() {
		ExternalRef stranger = accounting.upsertEmployee(new AccountingPerson("Sam", unique("Stranger"), null));
		ExternalRef activity = enteredInAccounting(stranger, 60, true, "Who is this?");

		received(activity, "Create");
		awaitHandled(activity);

		assertThat(entries.findByExternalId(activity.value())).isEmpty();
		assertThat(unmatched(activity)).get()
			.satisfies(change -> assertThat(change.reason()).contains(stranger.value(), "no Ledgerflow person"));
		TestUsers.ensure(staff);
		String page = TestBrowser.loggedIn(port, TestUsers.FINANCE).get("/accounting/sync").body();
		Matcher row = Pattern.compile("data-external-id=\"TimeActivity:" + activity.value() + "\">(.*?)</tr>",
				Pattern.DOTALL)
			.matcher(page);
		assertThat(page).contains("Not taken over");
		assertThat(row.find()).as("row of the time activity on the sync page").isTrue();
		assertThat(row.group(1)).contains("no Ledgerflow person");
	}

	@Test
	void timeBreakingARuleIsListedAndTakenOverOnceFixed() {
		UUID outsider = newPerson();
		ExternalRef activity = enteredInAccounting(pushedEmployee(outsider), 60, true, "Not on the team");

		received(activity, "Create");
		awaitHandled(activity);

		assertThat(unmatched(activity)).get()
			.satisfies(change -> assertThat(change.reason()).contains("not on the team"));

		team.add(project, outsider);
		received(activity, "Update");

		assertThat(awaitEntry(activity).personId()).isEqualTo(outsider);
		awaitHandled(activity);
		assertThat(unmatched(activity)).isEmpty();
	}

	private ExternalRef pushedEmployee(UUID person) {
		return sync.pushEmployee(person, TimeBooking.accountingPerson(people.get(person)));
	}

	/** Someone books time in the ledger directly: no Ledgerflow time entry behind it, so no link to it. */
	private ExternalRef enteredInAccounting(ExternalRef employee, int minutes, boolean billable, String description) {
		return accounting.pushTimeActivity(entry(employee, minutes, billable, description));
	}

	private TimeActivityEntry entry(ExternalRef employee, int minutes, boolean billable, String description) {
		return new TimeActivityEntry(UUID.randomUUID(), job, employee, item, monday, minutes, new BigDecimal("150.00"),
				billable, description);
	}

	/** What the inbox does with a reported change: published in a transaction, handled after its commit. */
	private void received(ExternalRef activity, String operation) {
		AccountingChangeReceived change = new AccountingChangeReceived("TimeActivity", activity.value(), operation);
		new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(change));
	}

	private TimeEntry awaitEntry(ExternalRef activity) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> entries.findByExternalId(activity.value()), Optional::isPresent)
			.orElseThrow();
	}

	/** Every change of the activity published so far was handled (its publication completed). */
	private void awaitHandled(ExternalRef activity) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.queryForObject("""
					select count(*) from event_publication
					where completion_date is null and serialized_event like ?""", Integer.class,
					"%\"" + activity.value() + "\"%") == 0);
	}

	private Optional<UnmatchedChange> unmatched(ExternalRef activity) {
		return syncStatus.unmatched()
			.stream()
			.filter(change -> change.externalId().equals(activity.value()))
			.findFirst();
	}

}
