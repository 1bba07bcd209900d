package com.ledgerflow.workflow;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.ledgerflow.dunning.ReminderCalendar;
import com.ledgerflow.dunning.ReminderCalendars;
import com.ledgerflow.workflow.delegate.AskFinanceToFollowUpDelegate;
import com.ledgerflow.workflow.delegate.RecordFollowUpListener;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.ledgerflow.workflow.InvoiceToCashProcess.*;
import static com.ledgerflow.workflow.ProcessJobs.executeDueJobs;
import static com.ledgerflow.workflow.ProcessJobs.executeJobAt;
import static com.ledgerflow.workflow.ProcessJobs.jobAt;
import static com.ledgerflow.workflow.ProcessTasks.candidates;
import static com.ledgerflow.workflow.ProcessTasks.formKey;
import static com.ledgerflow.workflow.ProcessTasks.taskAt;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * invoice-to-cash after sent, driven through the dunning schedule with a controlled clock (ClockUtil, company time
 * zone America/New_York): stub delegates keep the open balance and the reminders sent (once per step, one a day, as
 * ReminderService does), the real dunning-policy decides. {@link #advanceTo} moves the clock and runs whatever jobs
 * are due, as the job executor would; a day skipped is a node that was down.
 */
@Deployment(resources = { "bpmn/invoice-to-cash.bpmn", "bpmn/invoice-approval-routing.dmn", "bpmn/dunning-policy.dmn",
		"forms/review-invoice-form.form", "forms/send-invoice-by-hand-form.form", "forms/follow-up-overdue-form.form" })
class InvoiceToCashPaymentProcessTests {

	@RegisterExtension
	static InMemoryProcessEngineExtension engine = InMemoryProcessEngineExtension.create();

	private static final ZoneId ZONE = ZoneId.of("America/New_York");

	/** The listener's clock follows the engine's (ClockUtil), as the application's both follow the system's. */
	private static final Clock ENGINE_CLOCK = new Clock() {

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return Clock.fixed(instant(), zone);
		}

		@Override
		public Instant instant() {
			return ClockUtil.getCurrentTime().toInstant();
		}

	};

	/** What CheckOpenBalanceDelegate asks for the reminder cycle, on the engine's clock. */
	private static final ReminderCalendar CALENDAR = ReminderCalendars.atEight(ENGINE_CLOCK, ZONE);

	private static final String INVOICE_ID = "7c1e2c3d-4f5a-4b6c-8d7e-9f0a1b2c3d4e";

	private static final LocalDate DUE = LocalDate.parse("2026-12-15");

	private static final String MANAGER = "ann.manager";

	private static final String FINANCE = "fiona";

	/** Injected by the extension. */
	ProcessEngine processEngine;

	private ManagementService management;

	/** Steps sent, as {@code STEP@date}. */
	private final List<String> reminders = new CopyOnWriteArrayList<>();

	private final List<String> calls = new CopyOnWriteArrayList<>();

	private volatile double balance = 1_000.00;

	private volatile String tier = "STANDARD";

	private volatile LocalDate pausedUntil;

	private volatile boolean stopped;

	/** While set, the write-off in accounting fails as when QuickBooks is unreachable. */
	private volatile boolean accountingDown;

	/** When set, the reminder stub waits here before it reads the balance (a payment lands meanwhile). */
	private volatile CountDownLatch reminderMayGoOn;

	private final CountDownLatch reminderRunning = new CountDownLatch(1);

	@BeforeEach
	void setUp() {
		management = processEngine.getManagementService();
		stubDelegates();
		var identity = processEngine.getIdentityService();
		if (identity.createGroupQuery().groupId(GROUP_FINANCE).count() == 0) {
			identity.saveGroup(identity.newGroup(GROUP_FINANCE));
			identity.saveUser(identity.newUser(FINANCE));
			identity.createMembership(FINANCE, GROUP_FINANCE);
		}
	}

	/** Mocks are per thread: a job run in another thread registers them there too. */
	void stubDelegates() {
		Mocks.register("checkOpenBalanceDelegate", (JavaDelegate) execution -> {
			execution.setVariable(VAR_OPEN_BALANCE, balance);
			execution.setVariable(VAR_PAID_IN_FULL, balance == 0);
			execution.setVariable(VAR_REMINDER_CYCLE, CALENDAR.dailyChecks());
		});
		Mocks.register("assessDunningDelegate", (JavaDelegate) execution -> {
			execution.setVariable(VAR_DAYS_FROM_DUE, (int) ChronoUnit.DAYS.between(DUE, today()));
			execution.setVariable(VAR_REMINDER_TIER, tier);
			execution.setVariable(VAR_OPEN_AMOUNT, balance);
			execution.setVariable(VAR_REMINDERS_HELD,
					stopped || (pausedUntil != null && !today().isAfter(pausedUntil)));
		});
		Mocks.register("sendReminderDelegate", (JavaDelegate) execution -> {
			if (reminderMayGoOn != null) {
				reminderRunning.countDown();
				await(reminderMayGoOn);
			}
			String step = (String) execution.getVariable(VAR_STEP);
			boolean sent = balance > 0
					&& reminders.stream().noneMatch(r -> r.startsWith(step + "@") || r.endsWith("@" + today()));
			if (sent) {
				reminders.add(step + "@" + today());
			}
			execution.setVariable(VAR_REMINDER_SENT, sent);
			execution.setVariable(VAR_FOLLOW_UP_DUE_AT,
					Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(3))));
		});
		Mocks.register("putProjectOnHoldDelegate", (JavaDelegate) execution -> calls.add(TASK_PUT_PROJECT_ON_HOLD));
		Mocks.register("sendPaymentReceiptDelegate", (JavaDelegate) execution -> {
			calls.add(TASK_SEND_PAYMENT_RECEIPT);
			execution.setVariable(VAR_RECEIPT_SENT, true);
		});
		Mocks.register("describeFollowUpListener",
				(TaskListener) task -> task.setVariable(VAR_DUNNING_HISTORY, String.join("\n", reminders)));
		Mocks.register("recordFollowUpListener", new RecordFollowUpListener(ENGINE_CLOCK, ZONE));
		Mocks.register("recordFollowUpDelegate", (JavaDelegate) execution -> {
			String outcome = (String) execution.getVariable(VAR_FOLLOW_UP_OUTCOME);
			calls.add(outcome + " by " + execution.getVariable(VAR_FOLLOWED_UP_BY));
			if (OUTCOME_PROMISE.equals(outcome)) {
				pausedUntil = LocalDate.parse((String) execution.getVariable(VAR_FOLLOW_UP_PROMISED_BY));
			}
			else {
				stopped = true;
			}
		});
		Mocks.register("askFinanceToFollowUpDelegate", new AskFinanceToFollowUpDelegate());
		Mocks.register("writeOffInAccountingDelegate", (JavaDelegate) execution -> {
			if (accountingDown) {
				throw new IllegalStateException("QuickBooks is unreachable");
			}
			calls.add(TASK_WRITE_OFF_IN_ACCOUNTING);
			execution.setVariable(VAR_WRITE_OFF_REF, "201");
		});
	}

	@Test
	void anInvoicePaidBeforeItsDueDateGetsNoReminder() {
		ProcessInstance instance = sentOn(-10);
		advanceTo(-5);

		pay(0);

		assertThat(instance).isEnded().hasPassed(END_INVOICE_PAID).hasNotPassed(TASK_SEND_REMINDER);
		Assertions.assertThat(reminders).isEmpty();
		Assertions.assertThat(calls).containsExactly(TASK_SEND_PAYMENT_RECEIPT);
		Assertions.assertThat(jobs(instance)).isEmpty();
	}

	@Test
	void anInvoicePaidBetweenRemindersGetsNoMore() {
		ProcessInstance instance = sentOn(-10);
		advanceTo(-3);
		advanceTo(-2);
		advanceTo(1);
		advanceTo(3);

		pay(0);
		advanceTo(7);

		assertThat(instance).isEnded().hasPassed(END_INVOICE_PAID);
		Assertions.assertThat(reminders).containsExactly("DUE_SOON_3@2026-12-12", "OVERDUE_1@2026-12-16");
	}

	@Test
	void aPartialPaymentGoesBackToWaitingWithTheNewBalanceThenAFullOneEndsIt() {
		ProcessInstance instance = sentOn(-1);
		advanceTo(1);

		long checks = passes(instance, TASK_CHECK_PAYMENT);
		pay(400);

		assertThat(instance).isWaitingAt(TASK_AWAIT_PAYMENT);
		Assertions.assertThat(passes(instance, TASK_CHECK_PAYMENT)).as("the balance checked again")
			.isEqualTo(checks + 1);
		Assertions.assertThat(timerJobs(instance)).hasSize(1);
		advanceTo(7);
		Assertions.assertThat(reminders).containsExactly("OVERDUE_1@2026-12-16", "OVERDUE_7@2026-12-22");

		pay(0);

		assertThat(instance).isEnded().hasPassed(END_INVOICE_PAID);
		Assertions.assertThat(calls).containsExactly(TASK_SEND_PAYMENT_RECEIPT);
	}

	@Test
	void aPromiseToPayPausesRemindersUntilItsDate() {
		ProcessInstance instance = sentOn(13);
		advanceTo(14);
		Task followUp = followUp(instance);
		Assertions.assertThat(candidates(processEngine.getTaskService(), followUp)).contains("user:" + MANAGER);
		Assertions.assertThat(formKey(processEngine.getTaskService(), followUp)).isEqualTo("follow-up-overdue-form");

		assertThatThrownBy(() -> complete(followUp, MANAGER, OUTCOME_PROMISE, null, null))
			.hasMessageContaining(VAR_PROMISED_BY + ": is required");
		assertThatThrownBy(() -> complete(followUp, MANAGER, OUTCOME_PROMISE, "2020-01-01", null))
			.hasMessageContaining(VAR_PROMISED_BY + ": must be today or later");
		complete(followUp, MANAGER, OUTCOME_PROMISE, DUE.plusDays(35).toString(), null);
		advanceTo(30);
		advanceTo(35);

		Assertions.assertThat(reminders).containsExactly("ESCALATE_14@2026-12-29");
		advanceTo(36);
		Assertions.assertThat(reminders).containsExactly("ESCALATE_14@2026-12-29", "FINAL_NOTICE_30@2027-01-20");
		Assertions.assertThat(calls).containsExactly(OUTCOME_PROMISE + " by " + MANAGER, TASK_PUT_PROJECT_ON_HOLD);
		assertThat(instance).isWaitingAt(TASK_AWAIT_PAYMENT).hasPassed(END_FOLLOWED_UP, END_FINAL_NOTICE_SENT);
	}

	@Test
	void aDisputeNeedsANoteAndStopsReminders() {
		ProcessInstance instance = sentOn(13);
		advanceTo(14);
		Task followUp = followUp(instance);

		assertThatThrownBy(() -> complete(followUp, MANAGER, OUTCOME_DISPUTE, null, " "))
			.hasMessageContaining(VAR_NOTE + ": is required for a dispute");
		complete(followUp, MANAGER, OUTCOME_DISPUTE, null, "Hours on the 3rd were not agreed");
		advanceTo(30);
		advanceTo(45);

		Assertions.assertThat(reminders).containsExactly("ESCALATE_14@2026-12-29");
		assertThat(instance).isWaitingAt(TASK_AWAIT_PAYMENT)
			.variables()
			.containsEntry(VAR_FOLLOW_UP_NOTE, "Hours on the 3rd were not agreed");
		pay(0);
		assertThat(instance).isEnded().hasPassed(END_INVOICE_PAID);
	}

	@Test
	void onlyFinanceWritesAnInvoiceOffAndThatEndsIt() {
		ProcessInstance instance = sentOn(13);
		advanceTo(14);
		Task followUp = followUp(instance);

		assertThatThrownBy(() -> complete(followUp, MANAGER, OUTCOME_WRITE_OFF, null, "Client insolvent"))
			.hasMessageContaining("only finance writes an invoice off");
		complete(followUp, FINANCE, OUTCOME_WRITE_OFF, null, "Client insolvent");
		executeDueJobs(management, instance.getId());

		assertThat(instance).isEnded()
			.hasPassed(TASK_WRITE_OFF_IN_ACCOUNTING, END_INVOICE_WRITTEN_OFF)
			.hasNotPassed(END_INVOICE_PAID);
		Assertions.assertThat(calls).containsExactly(OUTCOME_WRITE_OFF + " by " + FINANCE, TASK_WRITE_OFF_IN_ACCOUNTING);
		Assertions.assertThat(jobs(instance)).isEmpty();
	}

	@Test
	void aWriteOffIsRetriedInAccountingWhileItIsDown() {
		ProcessInstance instance = sentOn(13);
		advanceTo(14);
		Task followUp = followUp(instance);
		processEngine.getTaskService().setAssignee(followUp.getId(), FINANCE);
		processEngine.getTaskService()
			.complete(followUp.getId(), Variables.createVariables().putValue(VAR_FOLLOW_UP_OUTCOME, OUTCOME_WRITE_OFF));
		accountingDown = true;
		executeJobAt(management, instance, TASK_RECORD_FOLLOW_UP);

		assertThatThrownBy(() -> executeJobAt(management, instance, TASK_WRITE_OFF_IN_ACCOUNTING))
			.hasMessageContaining("QuickBooks is unreachable");
		Job retry = jobAt(management, instance, TASK_WRITE_OFF_IN_ACCOUNTING);
		Assertions.assertThat(retry.getRetries()).isPositive();
		Assertions.assertThat(retry.getExceptionMessage()).contains("QuickBooks is unreachable");
		assertThat(instance).isWaitingAt(TASK_WRITE_OFF_IN_ACCOUNTING);

		accountingDown = false;
		executeJobAt(management, instance, TASK_WRITE_OFF_IN_ACCOUNTING);
		executeDueJobs(management, instance.getId());

		assertThat(instance).isEnded().hasPassed(TASK_WRITE_OFF_IN_ACCOUNTING, END_INVOICE_WRITTEN_OFF);
		Assertions.assertThat(calls).containsExactly(OUTCOME_WRITE_OFF + " by " + FINANCE, TASK_WRITE_OFF_IN_ACCOUNTING);
	}

	@Test
	void theFullScheduleEndsInAFinalNoticeThatPutsTheProjectOnHoldAndAsksFinanceWhenTheFollowUpWaits() {
		ProcessInstance instance = sentOn(-10);
		for (int day = -9; day <= 31; day++) {
			advanceTo(day);
		}

		Assertions.assertThat(reminders).containsExactly("DUE_SOON_3@2026-12-12", "OVERDUE_1@2026-12-16",
				"OVERDUE_7@2026-12-22", "ESCALATE_14@2026-12-29", "FINAL_NOTICE_30@2027-01-14");
		Assertions.assertThat(calls).containsExactly(TASK_PUT_PROJECT_ON_HOLD);
		Task followUp = followUp(instance);
		Assertions.assertThat(candidates(processEngine.getTaskService(), followUp))
			.contains("group:" + GROUP_FINANCE, "user:" + MANAGER);
		assertThat(instance).hasPassed(TASK_ASK_FINANCE_TO_FOLLOW_UP, END_FINAL_NOTICE_SENT)
			.isWaitingAt(TASK_AWAIT_PAYMENT, TASK_FOLLOW_UP_OVERDUE_INVOICE);
		Assertions.assertThat(timerJobs(instance)).as("one daily check, nothing else pending").hasSize(1);

		pay(0); // the open follow-up ends with the payment
		assertThat(instance).isEnded().hasPassed(END_INVOICE_PAID);
	}

	@Test
	void aNodeDownOverTwoReminderDatesSendsTheLatestStepOnceWhenBack() {
		ProcessInstance instance = sentOn(-4);
		Assertions.assertThat(reminders).isEmpty();
		advanceTo(-3);

		advanceTo(8); // down from the day before the due date until 8 days after: OVERDUE_1 and OVERDUE_7 missed
		advanceTo(8);

		Assertions.assertThat(reminders).containsExactly("DUE_SOON_3@2026-12-12", "OVERDUE_7@2026-12-23");
		Assertions.assertThat(timerJobs(instance)).singleElement()
			.satisfies(timer -> Assertions.assertThat(timer.getDuedate())
				.isEqualTo(Date.from(DUE.plusDays(9).atTime(8, 0).atZone(ZONE).toInstant())));
	}

	@Test
	void aRepeatedReminderJobSendsNothingTwice() {
		ProcessInstance instance = sentOn(0);
		advanceTo(1);
		Assertions.assertThat(reminders).containsExactly("OVERDUE_1@2026-12-16");

		// the same day's check again (a second node, a retried job): the step is sent, nothing more goes out
		processEngine.getRuntimeService()
			.createProcessInstanceModification(instance.getId())
			.startBeforeActivity(TASK_ASSESS_DUNNING)
			.execute();
		executeDueJobs(management, instance.getId());

		Assertions.assertThat(reminders).containsExactly("OVERDUE_1@2026-12-16");
		assertThat(instance).isWaitingAt(TASK_AWAIT_PAYMENT).hasPassed(END_NO_REMINDER_DUE);
	}

	@Test
	void aPaymentRecordedWhileAReminderJobRunsIsNotLostAndStopsTheReminder() throws Exception {
		ProcessInstance instance = sentOn(0);
		ClockUtil.setCurrentTime(at(1));
		management.executeJob(timerJobs(instance).get(0).getId());
		executeJobAt(management, instance, TASK_ASSESS_DUNNING);
		Job reminderJob = jobAt(management, instance, TASK_SEND_REMINDER);
		reminderMayGoOn = new CountDownLatch(1);
		CompletableFuture<Void> reminderJobRun = CompletableFuture
			.runAsync(() -> {
				stubDelegates();
				management.executeJob(reminderJob.getId());
			});
		await(reminderRunning);

		balance = 0; // the payment row commits, then PaymentReceived is correlated: the receive task still waits
		processEngine.getRuntimeService()
			.createMessageCorrelation(MSG_PAYMENT_RECEIVED)
			.processInstanceBusinessKey(businessKey(UUID.fromString(INVOICE_ID)))
			.correlate();
		reminderMayGoOn.countDown();
		try {
			reminderJobRun.get(20, TimeUnit.SECONDS);
		}
		catch (Exception concurrentUpdate) {
			// an optimistic-locking failure of the reminder job: the job executor retries it; the payment stands
		}
		executeDueJobs(management, instance.getId());

		assertThat(instance).isEnded().hasPassed(END_INVOICE_PAID);
		Assertions.assertThat(reminders).isEmpty();
	}

	@Test
	void anAnalystsEditedPolicyChangesTheScheduleFromTheNextCheckOn() throws Exception {
		ProcessInstance instance = sentOn(0);
		String edited = Files.readString(Path.of("bpmn/dunning-policy.dmn"), StandardCharsets.UTF_8)
			.replace("<text>&gt;= 7</text>", "<text>&gt;= 3</text>")
			.replace("\"OVERDUE_7\"", "\"OVERDUE_3\"");
		String deployment = processEngine.getRepositoryService()
			.createDeployment()
			.addString("dunning-policy.dmn", edited)
			.deploy()
			.getId();
		try {
			advanceTo(1);
			advanceTo(3);
			advanceTo(7);
		}
		finally {
			processEngine.getRepositoryService().deleteDeployment(deployment, true);
		}

		Assertions.assertThat(reminders).containsExactly("OVERDUE_1@2026-12-16", "OVERDUE_3@2026-12-18");
	}

	@Test
	void aGentleClientGetsNoHeadsUp() {
		tier = "GENTLE";
		sentOn(-10);
		advanceTo(-3);
		advanceTo(0);
		advanceTo(1);

		Assertions.assertThat(reminders).containsExactly("OVERDUE_1@2026-12-16");
	}

	@ParameterizedTest(name = "{0} days, {1}, open {2} → {3} {4}")
	@CsvSource({ "-4, STANDARD, 100.00, , , , , ",
			"-3, STANDARD, 100.00, REMIND, DUE_SOON_3, friendly-heads-up, false, false",
			"0, STANDARD, 100.00, REMIND, DUE_SOON_3, friendly-heads-up, false, false", "-3, GENTLE, 100.00, , , , , ",
			"0, GENTLE, 100.00, , , , , ", "1, STANDARD, 100.00, REMIND, OVERDUE_1, overdue-reminder, false, false",
			"6, GENTLE, 100.00, REMIND, OVERDUE_1, overdue-reminder, false, false",
			"7, STANDARD, 100.00, REMIND, OVERDUE_7, overdue-reminder, true, false",
			"13, STANDARD, 100.00, REMIND, OVERDUE_7, overdue-reminder, true, false",
			"14, STANDARD, 100.00, ESCALATE, ESCALATE_14, overdue-escalation, true, true",
			"29, GENTLE, 100.00, ESCALATE, ESCALATE_14, overdue-escalation, true, true",
			"30, STANDARD, 100.00, FINAL_NOTICE, FINAL_NOTICE_30, final-notice, true, true",
			"400, STANDARD, 100.00, FINAL_NOTICE, FINAL_NOTICE_30, final-notice, true, true",
			"30, STANDARD, 0.99, NONE, NONE, '', false, false", "-3, STANDARD, 0.00, NONE, NONE, '', false, false",
			"1, STANDARD, 1.00, REMIND, OVERDUE_1, overdue-reminder, false, false" })
	void decidesTheStepOfEveryRule(int daysFromDue, String reminderTier, double openAmount, String action, String step,
			String template, Boolean attachPdf, Boolean lateFee) {
		var result = processEngine.getDecisionService()
			.evaluateDecisionTableByKey(DUNNING_DECISION_KEY,
					Map.of(VAR_DAYS_FROM_DUE, daysFromDue, VAR_REMINDER_TIER, reminderTier, VAR_OPEN_AMOUNT,
							openAmount))
			.getSingleResult();

		if (action == null) {
			Assertions.assertThat(result).isNull();
			return;
		}
		Assertions.assertThat(result.getEntryMap())
			.containsEntry(VAR_ACTION, action)
			.containsEntry(VAR_STEP, step)
			.containsEntry(VAR_TEMPLATE, template == null ? "" : template)
			.containsEntry(VAR_ATTACH_PDF, attachPdf)
			.containsEntry(VAR_LATE_FEE, lateFee);
	}

	// --- the clock and the job executor

	/** Sent {@code day} days from the due date, 10:00 company time; waits for payment. */
	private ProcessInstance sentOn(int day) {
		ClockUtil.setCurrentTime(Date.from(DUE.plusDays(day).atTime(10, 0).atZone(ZONE).toInstant()));
		ProcessInstance instance = processEngine.getRuntimeService()
			.createProcessInstanceByKey(KEY)
			.businessKey(businessKey(UUID.fromString(INVOICE_ID)))
			.setVariables(Map.of(VAR_INVOICE_ID, INVOICE_ID, VAR_MANAGER_USER_ID, MANAGER, VAR_INVOICE_NUMBER,
					"2026-0042", VAR_INVOICE_URL, invoiceUrl(UUID.fromString(INVOICE_ID))))
			.startBeforeActivity(EVENT_INVOICE_SENT)
			.execute();
		executeDueJobs(management, instance.getId());
		assertThat(instance).isWaitingAt(TASK_AWAIT_PAYMENT);
		return instance;
	}

	/** The clock moves to 09:00 on {@code day} days from the due date and every due job runs. */
	private void advanceTo(int day) {
		ClockUtil.setCurrentTime(at(day));
		processEngine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(KEY)
			.list()
			.forEach(instance -> executeDueJobs(management, instance.getId()));
	}

	private static Date at(int day) {
		return Date.from(DUE.plusDays(day).atTime(9, 0).atZone(ZONE).toInstant());
	}

	private void pay(double openAfter) {
		balance = openAfter;
		processEngine.getRuntimeService()
			.createMessageCorrelation(MSG_PAYMENT_RECEIVED)
			.processInstanceBusinessKey(businessKey(UUID.fromString(INVOICE_ID)))
			.correlate();
		processEngine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(KEY)
			.list()
			.forEach(instance -> executeDueJobs(management, instance.getId()));
	}

	private List<Job> jobs(ProcessInstance instance) {
		return management.createJobQuery().processInstanceId(instance.getId()).list();
	}

	private long passes(ProcessInstance instance, String activityId) {
		return processEngine.getHistoryService()
			.createHistoricActivityInstanceQuery()
			.processInstanceId(instance.getId())
			.activityId(activityId)
			.count();
	}

	private List<Job> timerJobs(ProcessInstance instance) {
		return management
			.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId(BOUNDARY_REMINDER_DAY)
			.list();
	}

	private static LocalDate today() {
		return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), ZONE);
	}

	// --- the follow-up task, as Tasklist does it

	private Task followUp(ProcessInstance instance) {
		return taskAt(processEngine.getTaskService(), instance, TASK_FOLLOW_UP_OVERDUE_INVOICE);
	}

	private void complete(Task task, String userId, String outcome, String promisedBy, String note) {
		processEngine.getTaskService().setAssignee(task.getId(), userId);
		var form = Variables.createVariables().putValue(VAR_FOLLOW_UP_OUTCOME, outcome);
		if (promisedBy != null) {
			form.putValue(VAR_PROMISED_BY, promisedBy);
		}
		if (note != null) {
			form.putValue(VAR_NOTE, note);
		}
		processEngine.getTaskService().complete(task.getId(), form);
		executeDueJobs(management, processEngine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.singleResult()
			.getId());
	}

	private static void await(CountDownLatch latch) {
		try {
			Assertions.assertThat(latch.await(20, TimeUnit.SECONDS)).as("latch").isTrue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
