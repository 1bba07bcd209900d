package com.ledgerflow.workflow;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.ledgerflow.ApiTestSupport;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.TestMailServer;
import com.ledgerflow.TestUsers;
import com.ledgerflow.accounting.AccountingSync;
import com.ledgerflow.accounting.ExternalRef;
import com.ledgerflow.dunning.DunningAction;
import com.ledgerflow.dunning.DunningService;
import com.ledgerflow.dunning.SentReminder;
import com.ledgerflow.dunning.ReminderNotice;
import com.ledgerflow.dunning.ReminderService;
import com.ledgerflow.invoicing.BillingPeriod;
import com.ledgerflow.invoicing.Invoice;
import com.ledgerflow.invoicing.InvoiceDocuments;
import com.ledgerflow.invoicing.InvoiceDrafted;
import com.ledgerflow.invoicing.InvoiceDrafting;
import com.ledgerflow.invoicing.InvoicePosting;
import com.ledgerflow.invoicing.InvoiceService;
import com.ledgerflow.invoicing.InvoiceHistorySource;
import com.ledgerflow.invoicing.InvoiceStatus;
import com.ledgerflow.invoicing.InvoiceVoiding;
import com.ledgerflow.invoicing.InvoiceLineKind;
import com.ledgerflow.invoicing.LateFees;
import com.ledgerflow.mail.MimeParts;
import com.ledgerflow.mail.smtp.OutboxDeliveries;
import com.ledgerflow.payment.NewPayment;
import com.ledgerflow.payment.PaymentMethod;
import com.ledgerflow.payment.PaymentOrigin;
import com.ledgerflow.payment.PaymentService;
import com.ledgerflow.project.Project;
import com.ledgerflow.project.ProjectPlanService;
import com.ledgerflow.project.ProjectService;
import com.ledgerflow.project.TaskDetails;
import com.ledgerflow.reporting.ReceivablesReport;
import com.ledgerflow.reporting.ReportFilter;
import com.ledgerflow.security.StaffAccounts;
import com.ledgerflow.timetracking.TimeEntryFixture;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.ledgerflow.workflow.InvoiceToCashProcess.*;
import static com.ledgerflow.workflow.ProcessJobs.executeJobAt;
import static com.ledgerflow.workflow.ProcessJobs.executeNextJobs;
import static com.ledgerflow.TestMailServer.awaitMail;
import static com.ledgerflow.TestMailServer.subject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * invoice-to-cash end to end: approved time → InvoiceDrafting.draft → InvoiceDrafted → process → review in the task
 * service → delegates → InvoiceService, InvoicePosting (local ledger), InvoiceDelivery (outbox) → GreenMail.
 */
@IntegrationTest
class InvoiceToCashIntegrationTests extends ApiTestSupport {

	private static final BillingPeriod OCTOBER = new BillingPeriod(LocalDate.parse("2026-10-01"),
			LocalDate.parse("2026-10-31"));

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	HistoryService history;

	@Autowired
	InvoiceDrafting drafting;

	@Autowired
	InvoiceService invoices;

	@Autowired
	InvoicePosting posting;

	@Autowired
	InvoiceDocuments documents;

	@Autowired
	InvoiceToCashTrigger trigger;

	@Autowired
	ProjectPlanService plans;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReminderService reminderService;

	@Autowired
	LateFees lateFees;

	@Autowired
	InvoiceVoiding voiding;

	@Autowired
	PaymentTrigger paymentTrigger;

	@Autowired
	DunningService dunning;

	@Autowired
	PaymentService payments;

	@Autowired
	List<InvoiceHistorySource> historySources;

	@Autowired
	ProjectService projects;

	@Autowired
	ApplicationContext context;

	@Autowired
	AccountingSync accounting;

	@Autowired
	ReceivablesReport receivables;

	@Autowired
	StaffAccounts staff;

	@Value("${ledgerflow.base-url}")
	String baseUrl;

	GreenMail greenMail = TestMailServer.greenMail();

	@BeforeEach
	void emptyMailbox() throws Exception {
		greenMail.purgeEmailFromAllMailboxes();
	}

	@Test
	void aReviewedTimeAndMaterialsInvoiceIsPostedOnceAndEmailedWithItsPdfAndPaymentLink() throws Exception {
		Drafted drafted = drafted(newClient());
		ProcessInstance instance = awaitInstance(drafted.invoice());
		executeJobAt(management, instance, TASK_ASSESS_INVOICE);

		Task review = tasks.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(TASK_REVIEW_INVOICE)
			.taskCandidateUser(drafted.managerUserId())
			.singleResult();
		assertThat(review).isNotNull();
		assertThat((String) runtime.getVariable(instance.getId(), VAR_INVOICE_SUMMARY)).contains("Design", "300.00");
		tasks.claim(review.getId(), drafted.managerUserId());
		tasks.complete(review.getId(), Variables.putValue(VAR_DECISION, DECISION_APPROVE));

		executeJobAt(management, instance, TASK_ASSESS_REVIEWED_INVOICE);
		executeJobAt(management, instance, TASK_APPROVE_INVOICE);
		executeJobAt(management, instance, TASK_POST_INVOICE); // asyncBefore
		posting.post(drafted.invoice()); // a repeated post books nothing
		executeJobAt(management, instance, TASK_POST_INVOICE); // asyncAfter
		executeJobAt(management, instance, TASK_RENDER_INVOICE_PDF);
		executeJobAt(management, instance, TASK_EMAIL_INVOICE);

		Invoice invoice = invoices.get(drafted.invoice());
		assertThat(invoice.status()).isEqualTo(InvoiceStatus.SENT);
		assertThat(invoice.number()).isNotBlank();
		assertThat(jdbc.queryForObject("select count(*) from local_ledger_invoice where local_id = ?", Integer.class,
				drafted.invoice())).isOne();
		assertThat(jdbc.queryForObject("select doc_number from local_ledger_invoice where local_id = ?", String.class,
				drafted.invoice())).isEqualTo(invoice.number());
		assertThat(jdbc.queryForList("""
				select l.description, l.amount, l.taxable from local_ledger_invoice_line l
				 join local_ledger_invoice i on i.id = l.invoice_id where i.local_id = ?""", drafted.invoice()))
			.singleElement()
			.satisfies(line -> {
				assertThat(line.get("description")).isEqualTo("Design");
				assertThat((BigDecimal) line.get("amount")).isEqualByComparingTo("300.00");
				assertThat(line.get("taxable")).isEqualTo(true);
			});
		assertThat(passed(instance, EVENT_INVOICE_SENT)).isTrue(); // then waits for payment

		OutboxDeliveries.deliverAllDue(context);
		MimeMessage mail = awaitMail(invoice.number());
		assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("ap@client.test");
		// the local ledger offers no online payment: the link is the invoice's client-facing page
		assertThat(invoice.paymentLink()).hasToString(baseUrl + "/invoices/view/" + invoice.publicToken());
		assertThat(MimeParts.text(mail)).contains(invoice.paymentLink().toString(), "326.63 USD",
				invoice.dueDate().toString());
		assertThat(MimeParts.html(mail)).contains("href=\"" + invoice.paymentLink() + "\"", "326.63 USD",
				invoice.dueDate().toString(), ">Pay online</a>");
		Part pdf = attachmentPart(mail);
		assertThat(pdf.getContentType()).startsWith("application/pdf");
		assertThat(MimeParts.attachment(mail)).as("the PDF rendered at Task_RenderInvoicePdf, kept")
			.isEqualTo(documents.stored(drafted.invoice()).orElseThrow().content());
		try (PDDocument document = Loader.loadPDF(MimeParts.attachment(mail))) {
			assertThat(new PDFTextStripper().getText(document)).contains(invoice.number());
		}
	}

	@Test
	void anOverdueInvoiceGetsItsLatestReminderOnceWithThePaymentLinkAndOpenBalance() throws Exception {
		Drafted drafted = drafted(newClient());
		ProcessInstance instance = sent(drafted);
		executeJobAt(management, instance, TASK_CHECK_PAYMENT);
		assertThat(runtime.getVariable(instance.getId(), VAR_PAID_IN_FULL)).isEqualTo(false);
		// a node down since before the first reminder: back 8 days after the due date
		LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
		jdbc.update("update invoice set issue_date = ?, due_date = ? where id = ?", today.minusDays(38),
				today.minusDays(8),
				drafted.invoice());

		executeJobAt(management, instance, BOUNDARY_REMINDER_DAY);
		executeJobAt(management, instance, TASK_ASSESS_DUNNING);
		assertThat(runtime.getVariable(instance.getId(), VAR_STEP)).isEqualTo("OVERDUE_7");
		executeJobAt(management, instance, TASK_SEND_REMINDER);

		assertThat(runtime.getVariable(instance.getId(), VAR_REMINDER_SENT)).isEqualTo(true);
		assertThat(reminderService.sentFor(drafted.invoice())).singleElement().satisfies(reminder -> {
			assertThat(reminder.step()).isEqualTo("OVERDUE_7");
			assertThat(reminder.recipients()).isEqualTo("ap@client.test");
			assertThat(reminder.openBalance()).isEqualByComparingTo("326.63");
			assertThat(reminder.sentOn()).isEqualTo(today);
		});
		// a repeated job sends nothing twice, and no other step goes out the same day
		assertThat(reminderService.send(new ReminderNotice(drafted.invoice(), "OVERDUE_7", DunningAction.REMIND,
				"overdue-reminder", true)).sent()).isFalse();
		assertThat(reminderService.send(new ReminderNotice(drafted.invoice(), "OVERDUE_1", DunningAction.REMIND,
				"overdue-reminder", false)).sent()).isFalse();
		assertThat(reminderService.sentFor(drafted.invoice())).hasSize(1);
		assertThat(historySources.stream().flatMap(source -> source.history(drafted.invoice()).stream()))
			.extracting(InvoiceHistorySource.Entry::text)
			.contains("Reminder OVERDUE_7 (overdue-reminder) sent to ap@client.test, open balance 326.63 USD");
		Response record = get("/api/v1/invoices/" + drafted.invoice() + "/dunning").expect(200);
		assertThat(record.<String>read("$.reminders[0].step")).isEqualTo("OVERDUE_7");
		assertThat(record.<String>read("$.reminders[0].recipients")).isEqualTo("ap@client.test");

		Invoice invoice = invoices.get(drafted.invoice());
		OutboxDeliveries.deliverAllDue(context);
		MimeMessage mail = awaitMail("Reminder: invoice " + invoice.number());
		assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("ap@client.test");
		assertThat(MimeParts.text(mail)).contains(invoice.paymentLink().toString(),
				"Open balance: 326.63 USD", today.minusDays(8).toString());
		assertThat(MimeParts.html(mail)).contains("href=\"" + invoice.paymentLink() + "\"", "326.63 USD",
				"Open balance");
		assertThat(attachmentPart(mail).getContentType()).startsWith("application/pdf");
		assertThat(Arrays.stream(greenMail.getReceivedMessages()).filter(m -> subject(m).startsWith("Reminder:")))
			.hasSize(1);
		assertThat(runtime.createExecutionQuery()
			.processInstanceId(instance.getId())
			.activityId(TASK_AWAIT_PAYMENT)
			.count()).isOne();
	}

	@Test
	void aPaymentEventIsCorrelatedWhenTheInvoiceWaitsAndDeliveredAgainWhenItIsBetweenTwoWaits() {
		Drafted drafted = drafted(newClient());
		ProcessInstance instance = sent(drafted);
		paymentTrigger.paymentReceived(drafted.invoice()); // before the first check: that check sees the payment
		executeJobAt(management, instance, TASK_CHECK_PAYMENT);

		paymentTrigger.paymentReceived(drafted.invoice());

		assertThat(runtime.getActiveActivityIds(instance.getId())).containsExactly(TASK_CHECK_PAYMENT);
		assertThatThrownBy(() -> paymentTrigger.paymentReceived(drafted.invoice()))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("correlated again");
		executeJobAt(management, instance, TASK_CHECK_PAYMENT);
		paymentTrigger.paymentReceived(drafted.invoice());
		assertThat(runtime.getActiveActivityIds(instance.getId())).containsExactly(TASK_CHECK_PAYMENT);
	}

	@Test
	void anEscalationAsksTheManagerWithTheHistoryAndAPromiseToPayHoldsReminders() {
		Drafted drafted = drafted(newClient());
		ProcessInstance instance = overdue(drafted, 14);
		runDailyCheck(instance);
		assertThat(runtime.getVariable(instance.getId(), VAR_ACTION)).isEqualTo("ESCALATE");

		Task followUp = tasks.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(TASK_FOLLOW_UP_OVERDUE_INVOICE)
			.taskCandidateUser(drafted.managerUserId())
			.singleResult();
		assertThat(followUp).isNotNull();
		assertThat((String) runtime.getVariable(instance.getId(), VAR_DUNNING_HISTORY)).contains("ESCALATE_14",
				"ap@client.test", "open balance 326.63");
		tasks.claim(followUp.getId(), drafted.managerUserId());
		LocalDate promisedBy = LocalDate.now(ZoneId.of("America/New_York")).plusDays(3);
		tasks.complete(followUp.getId(), Variables.putValue(VAR_FOLLOW_UP_OUTCOME, OUTCOME_PROMISE)
			.putValue(VAR_PROMISED_BY, promisedBy.toString()));
		executeJobAt(management, instance, TASK_RECORD_FOLLOW_UP);

		assertThat(dunning.followUps(drafted.invoice())).singleElement().satisfies(promise -> {
			assertThat(promise.promisedBy()).isEqualTo(promisedBy);
			assertThat(promise.decidedBy()).isEqualTo(drafted.managerUserId());
		});
		assertThat(dunning.facts(drafted.invoice()).held()).isTrue();
		setDue(drafted, 30); // the final notice would be due, but the promise holds it
		runDailyCheck(instance);
		assertThat(runtime.getVariable(instance.getId(), VAR_REMINDERS_HELD)).isEqualTo(true);
		assertThat(reminderService.sentFor(drafted.invoice())).extracting(SentReminder::step)
			.containsExactly("ESCALATE_14");
	}

	/** Finance writes the invoice off: the process books it in the local ledger, which then owes nothing. */
	@Test
	void aFinanceWriteOffEndsWithAccountingOwingNothingAndTheInvoiceOutOfReceivables() {
		TestUsers.ensure(staff);
		UUID client = newClient();
		Drafted drafted = drafted(client);
		ProcessInstance instance = overdue(drafted, 14);
		runDailyCheck(instance);
		BigDecimal open = payments.balance(drafted.invoice()).openBalance();
		assertThat(open).isPositive();
		assertThat(receivables.rows(new ReportFilter(null, null, client, null, null))).singleElement()
			.satisfies(row -> assertThat(row.total()).isEqualByComparingTo(open));

		Task followUp = ProcessTasks.taskAt(tasks, instance, TASK_FOLLOW_UP_OVERDUE_INVOICE);
		tasks.claim(followUp.getId(), TestUsers.FINANCE);
		tasks.complete(followUp.getId(), Variables.putValue(VAR_FOLLOW_UP_OUTCOME, OUTCOME_WRITE_OFF)
			.putValue(VAR_NOTE, "Client insolvent"));
		executeJobAt(management, instance, TASK_RECORD_FOLLOW_UP);
		assertThat(accounting.invoiceStatus(drafted.invoice()).balance()).as("booked by its own job")
			.isEqualByComparingTo(open);
		executeJobAt(management, instance, TASK_WRITE_OFF_IN_ACCOUNTING);
		executeJobAt(management, instance, TASK_WRITE_OFF_IN_ACCOUNTING); // asyncAfter

		assertThat(passed(instance, END_INVOICE_WRITTEN_OFF)).isTrue();
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
		assertThat(accounting.invoiceStatus(drafted.invoice()).balance()).isEqualByComparingTo("0.00");
		String writeOff = (String) history.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.variableName(VAR_WRITE_OFF_REF)
			.singleResult()
			.getValue();
		assertThat(accounting.writeOffInvoice(drafted.invoice(), open, LocalDate.now(), "again"))
			.as("written off again: nothing more booked")
			.map(ExternalRef::value)
			.contains(writeOff);
		assertThat(invoices.get(drafted.invoice()).status()).isEqualTo(InvoiceStatus.SENT);
		assertThat(dunning.followUps(drafted.invoice())).singleElement()
			.satisfies(recorded -> assertThat(recorded.decidedBy()).isEqualTo(TestUsers.FINANCE));
		assertThat(receivables.rows(new ReportFilter(null, null, client, null, null))).isEmpty();
	}

	@Test
	void aFinalNoticePutsTheProjectOnHold() {
		Drafted drafted = drafted(newClient());
		ProcessInstance instance = overdue(drafted, 31);
		runDailyCheck(instance);
		executeJobAt(management, instance, TASK_PUT_PROJECT_ON_HOLD);

		assertThat(reminderService.sentFor(drafted.invoice())).extracting(SentReminder::step)
			.containsExactly("FINAL_NOTICE_30");
		Project project = projects.get(invoices.get(drafted.invoice()).projectId());
		assertThat(project.onHold()).isTrue();
		assertThat(project.onHoldReason()).startsWith("Final payment notice on invoice ");
	}

	@Test
	void anEscalationChargesTheClientsLateFeeOnceOnASeparateDraftInvoice() throws Exception {
		UUID client = clientWithLateFee();
		Drafted drafted = drafted(client);
		ProcessInstance instance = overdue(drafted, 15);
		runDailyCheck(instance);

		assertThat(reminderService.sentFor(drafted.invoice())).extracting(SentReminder::step)
			.containsExactly("ESCALATE_14");
		Invoice overdue = invoices.get(drafted.invoice());
		assertThat(overdue.total()).as("the sent invoice never changes").isEqualByComparingTo("326.63");
		List<UUID> fees = lateFeeInvoices(overdue.projectId());
		assertThat(fees).hasSize(1);
		Invoice fee = invoices.get(fees.get(0));
		// 25.00 + 326.63 × 1.5 / 100 (4.89945) = 29.89945 → 29.90, no tax
		assertThat(fee.status()).isEqualTo(InvoiceStatus.DRAFT);
		assertThat(fee.subtotal()).isEqualTo("29.90");
		assertThat(fee.tax()).isEqualTo("0.00");
		assertThat(fee.total()).isEqualTo("29.90");
		assertThat(fee.clientId()).isEqualTo(client);
		assertThat(fee.currency()).isEqualTo("USD");
		assertThat(fee.period()).isEqualTo(overdue.period());
		assertThat(fee.lines()).singleElement().satisfies(line -> {
			assertThat(line.kind()).isEqualTo(InvoiceLineKind.LATE_FEE);
			assertThat(line.description()).isEqualTo("Late fee on invoice " + overdue.number() + " (escalation)");
			assertThat(line.amount()).isEqualTo("29.90");
		});
		// its own invoice-to-cash: the manager reviews it
		ProcessInstance feeRun = awaitInstance(fee.id());
		executeJobAt(management, feeRun, TASK_ASSESS_INVOICE);
		ProcessTasks.taskAt(tasks, feeRun, TASK_REVIEW_INVOICE);
		OutboxDeliveries.deliverAllDue(context);
		MimeMessage letter = awaitMail("Second reminder: invoice " + overdue.number());
		assertThat(MimeParts.text(letter)).contains("Open balance: 326.63 USD",
				"A late fee of 29.90 USD is charged with this reminder. It is not part of the open balance above: "
						+ "a separate invoice for it follows.");
		assertThat(MimeParts.html(letter)).contains("A late fee of <strong>29.90 USD</strong> is",
				"a separate invoice for it follows.");

		// a repeated reminder job, and a repeated (or concurrent) charge of the same step, draft nothing more
		assertThat(reminderService.send(new ReminderNotice(drafted.invoice(), "ESCALATE_14", DunningAction.ESCALATE,
				"overdue-escalation", true, true)).sent()).isFalse();
		assertThat(lateFees.draft(drafted.invoice(), "ESCALATE_14", "escalation", new BigDecimal("29.90"))).isEmpty();
		assertThat(lateFeeInvoices(overdue.projectId())).containsExactly(fee.id());
	}

	/** A client without a fee at a step that charges one, a client with a fee at a step that does not. */
	@ParameterizedTest
	@CsvSource({ "false, 15, ESCALATE_14, Second reminder: invoice", "true, 8, OVERDUE_7, Reminder: invoice" })
	void aReminderWithoutAFeeChargesNoneAndMentionsNone(boolean clientHasFee, int daysOverdue, String step,
			String subject) throws Exception {
		Drafted drafted = drafted(clientHasFee ? clientWithLateFee() : newClient());
		ProcessInstance instance = overdue(drafted, daysOverdue);
		runDailyCheck(instance);

		assertThat(reminderService.sentFor(drafted.invoice())).extracting(SentReminder::step).containsExactly(step);
		Invoice invoice = invoices.get(drafted.invoice());
		assertThat(lateFeeInvoices(invoice.projectId())).isEmpty();
		OutboxDeliveries.deliverAllDue(context);
		MimeMessage letter = awaitMail(subject + " " + invoice.number());
		assertThat(MimeParts.text(letter)).contains("Open balance: 326.63 USD").doesNotContainIgnoringCase("late fee");
		assertThat(MimeParts.html(letter)).contains("326.63 USD").doesNotContainIgnoringCase("late fee");
	}

	/** A new client charged 25.00 + 1.5 % of the open balance at the steps that charge a late fee. */
	private UUID clientWithLateFee() {
		UUID client = newClient();
		jdbc.update("update client set late_fee_fixed = 25.00, late_fee_percent = 1.5 where id = ?", client);
		return client;
	}

	private List<UUID> lateFeeInvoices(UUID projectId) {
		return jdbc.queryForList("""
				select i.id from invoice i where i.project_id = ?
				and exists (select 1 from invoice_line l where l.invoice_id = i.id and l.kind = 'LATE_FEE')""",
				UUID.class, projectId);
	}

	@Test
	void paymentsRecordedInLedgerflowAreCorrelatedAPartialOneWaitsOnAFullOneEndsWithAReceipt() throws Exception {
		Drafted drafted = drafted(newClient());
		ProcessInstance instance = sent(drafted);
		executeJobAt(management, instance, TASK_CHECK_PAYMENT);

		payments.record(payment(drafted.invoice(), "100.00"));
		awaitJob(instance, TASK_CHECK_PAYMENT); // PaymentReceived, after the commit, through PaymentTrigger
		executeJobAt(management, instance, TASK_CHECK_PAYMENT);

		assertThat(runtime.getVariable(instance.getId(), VAR_OPEN_BALANCE)).isEqualTo(226.63);
		assertThat(runtime.getActiveActivityIds(instance.getId())).containsExactly(TASK_AWAIT_PAYMENT);
		assertThat(dunning.history(drafted.invoice())).contains("PAYMENT 100.00 USD", "open balance 226.63");

		payments.record(payment(drafted.invoice(), "226.63"));
		awaitJob(instance, TASK_CHECK_PAYMENT);
		executeJobAt(management, instance, TASK_CHECK_PAYMENT);
		executeJobAt(management, instance, TASK_SEND_PAYMENT_RECEIPT);

		assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
			.getEndActivityId()).isEqualTo(END_INVOICE_PAID);
		Invoice invoice = invoices.get(drafted.invoice());
		assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
		OutboxDeliveries.deliverAllDue(context);
		assertThat(MimeParts.text(awaitMail("Thank you: invoice " + invoice.number()))).contains(invoice.number(),
				"326.63 USD");
	}

	@Test
	void aVoidedInvoiceEndsItsPaymentWait() {
		Drafted drafted = drafted(newClient());
		ProcessInstance instance = sent(drafted);
		executeJobAt(management, instance, TASK_CHECK_PAYMENT);

		voiding.voidInvoice(drafted.invoice(), false);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0);
		assertThat(management.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
	}

	@Test
	void anInvoiceForAClientWithoutBillingEmailGoesToFinance() {
		UUID client = newClient();
		Drafted drafted = drafted(client);
		jdbc.update("delete from client_billing_email where client_id = ?", client);
		ProcessInstance instance = awaitInstance(drafted.invoice());
		executeJobAt(management, instance, TASK_ASSESS_INVOICE);
		Task review = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		tasks.claim(review.getId(), drafted.managerUserId());
		tasks.complete(review.getId(), Variables.putValue(VAR_DECISION, DECISION_APPROVE));
		executeNextJobs(management, instance, 6);

		Task byHand = tasks.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(TASK_SEND_INVOICE_BY_HAND)
			.taskCandidateGroup("finance")
			.singleResult();
		assertThat(byHand).isNotNull();
		assertThat(invoices.get(drafted.invoice()).status()).isEqualTo(InvoiceStatus.POSTED);
		tasks.complete(byHand.getId());
		executeJobAt(management, instance, TASK_RECORD_INVOICE_SENT);

		assertThat(invoices.get(drafted.invoice()).status()).isEqualTo(InvoiceStatus.SENT);
		assertThat(passed(instance, EVENT_INVOICE_SENT_BY_HAND)).isTrue();
	}

	@Test
	void aRepeatedInvoiceDraftedEventStartsNothing() {
		Drafted drafted = drafted(newClient());
		awaitInstance(drafted.invoice());
		Invoice invoice = invoices.get(drafted.invoice());

		trigger.on(new InvoiceDrafted(invoice.id(), invoice.projectId(), invoice.clientId(), invoice.total()));

		assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey(invoice.id())).count())
			.isOne();
	}

	private static NewPayment payment(UUID invoice, String amount) {
		return new NewPayment(invoice, new BigDecimal(amount), null, null, PaymentMethod.BANK_TRANSFER, "wire",
				PaymentOrigin.API, null, "fiona");
	}

	private void awaitJob(ProcessInstance instance, String activityId) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> management.createJobQuery()
				.processInstanceId(instance.getId())
				.activityId(activityId)
				.count() == 1);
	}

	/** Sent, checked (waiting for payment) and due {@code days} days ago. */
	private ProcessInstance overdue(Drafted drafted, int days) {
		ProcessInstance instance = sent(drafted);
		executeJobAt(management, instance, TASK_CHECK_PAYMENT);
		setDue(drafted, days);
		return instance;
	}

	private void setDue(Drafted drafted, int daysAgo) {
		LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
		jdbc.update("update invoice set issue_date = ?, due_date = ? where id = ?", today.minusDays(daysAgo + 30),
				today.minusDays(daysAgo), drafted.invoice());
	}

	/** The daily timer fires (whatever its due time), the facts are assessed, the policy applied, a due step sent. */
	private void runDailyCheck(ProcessInstance instance) {
		executeJobAt(management, instance, BOUNDARY_REMINDER_DAY);
		executeJobAt(management, instance, TASK_ASSESS_DUNNING);
		if (ProcessJobs.findJobAt(management, instance, TASK_SEND_REMINDER) != null) {
			executeJobAt(management, instance, TASK_SEND_REMINDER);
		}
	}

	/** Drafted, approved by its manager, posted, rendered and e-mailed: at the payment check. */
	private ProcessInstance sent(Drafted drafted) {
		ProcessInstance instance = awaitInstance(drafted.invoice());
		executeJobAt(management, instance, TASK_ASSESS_INVOICE);
		Task review = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		tasks.claim(review.getId(), drafted.managerUserId());
		tasks.complete(review.getId(), Variables.putValue(VAR_DECISION, DECISION_APPROVE));
		executeNextJobs(management, instance, 6);
		assertThat(passed(instance, EVENT_INVOICE_SENT)).isTrue();
		return instance;
	}

	/** Two hours of approved, billable time at 150.00 in October on a new T&M project, drafted. */
	private Drafted drafted(UUID client) {
		UUID manager = newPerson();
		UUID project = newProject(client, manager, "TIME_AND_MATERIALS");
		UUID design = plans.addTask(project, new TaskDetails("Design", null, null, null, null, null, null)).id();
		LocalDate day = LocalDate.parse("2026-10-05");
		TimeEntryFixture.approvedTime(manager, project, day, 120).onTask(design).insert(jdbc);
		Invoice invoice = drafting.draft(project, OCTOBER).orElseThrow();
		String managerUserId = jdbc.queryForObject("select user_id from person where id = ?", String.class, manager);
		return new Drafted(invoice.id(), managerUserId);
	}

	private record Drafted(UUID invoice, String managerUserId) {
	}

	private ProcessInstance awaitInstance(UUID invoiceId) {
		return ProcessJobs.awaitInstance(runtime, KEY, businessKey(invoiceId));
	}

	private boolean passed(ProcessInstance instance, String activityId) {
		return history.createHistoricActivityInstanceQuery()
			.processInstanceId(instance.getId())
			.activityId(activityId)
			.count() > 0;
	}

	private static Part attachmentPart(Part part) throws Exception {
		if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
			return part;
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				Part found = attachmentPart(multipart.getBodyPart(i));
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

}
