package com.ledgerflow.workflow;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.ledgerflow.ApiTestSupport;
import com.ledgerflow.IntegrationTest;
import com.ledgerflow.invoicing.BillingPeriod;
import com.ledgerflow.invoicing.Invoice;
import com.ledgerflow.invoicing.InvoiceDrafting;
import com.ledgerflow.invoicing.InvoiceService;
import com.ledgerflow.invoicing.InvoiceStatus;
import com.ledgerflow.payment.NewPayment;
import com.ledgerflow.payment.PaymentMethod;
import com.ledgerflow.payment.PaymentOrigin;
import com.ledgerflow.payment.PaymentService;
import com.ledgerflow.project.ProjectPlanService;
import com.ledgerflow.project.TaskDetails;
import com.ledgerflow.timetracking.TimeEntryFixture;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static com.ledgerflow.workflow.InvoiceToCashProcess.*;
import static com.ledgerflow.workflow.ProcessJobs.awaitInstance;
import static com.ledgerflow.workflow.ProcessJobs.executeJobAt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The process-performance report reads what invoice-to-cash left in Camunda's history: an October invoice reviewed
 * and e-mailed today counts as sent this month, (today − 31 October) days after its period end, and the review task's
 * time shows.
 */
@IntegrationTest
class InvoiceProcessPerformanceIntegrationTests extends ApiTestSupport {

	private static final BillingPeriod OCTOBER = new BillingPeriod(LocalDate.parse("2026-10-01"),
			LocalDate.parse("2026-10-31"));

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	InvoiceDrafting drafting;

	@Autowired
	InvoiceService invoices;

	@Autowired
	ProjectPlanService plans;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PaymentService payments;

	@Test
	void anInvoiceSentThroughTheProcessShowsInItsMonth() {
		UUID client = newClient();
		UUID manager = newPerson();
		UUID project = newProject(client, manager, "TIME_AND_MATERIALS");
		UUID design = plans.addTask(project, new TaskDetails("Design", null, null, null, null, null, null)).id();
		LocalDate day = LocalDate.parse("2026-10-05");
		TimeEntryFixture.approvedTime(manager, project, day, 120).onTask(design).insert(jdbc);
		Invoice invoice = drafting.draft(project, OCTOBER).orElseThrow();
		String managerUserId = jdbc.queryForObject("select user_id from person where id = ?", String.class, manager);
		ProcessInstance instance = awaitInstance(runtime, KEY, businessKey(invoice.id()));
		executeJobAt(management, instance, TASK_ASSESS_INVOICE);
		Task review = tasks.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(TASK_REVIEW_INVOICE)
			.singleResult();
		tasks.claim(review.getId(), managerUserId);
		tasks.complete(review.getId(), Variables.putValue(VAR_DECISION, DECISION_APPROVE));
		executeJobAt(management, instance, TASK_ASSESS_REVIEWED_INVOICE);
		executeJobAt(management, instance, TASK_APPROVE_INVOICE);
		executeJobAt(management, instance, TASK_POST_INVOICE);
		executeJobAt(management, instance, TASK_POST_INVOICE);
		executeJobAt(management, instance, TASK_RENDER_INVOICE_PDF);
		executeJobAt(management, instance, TASK_EMAIL_INVOICE);
		assertThat(invoices.get(invoice.id()).status()).isEqualTo(InvoiceStatus.SENT);

		LocalDate today = LocalDate.now(); // Camunda's history holds the JVM's local time
		String month = YearMonth.from(today).toString();
		List<Map<String, Object>> rows = get("/api/v1/reports/process-performance?from=" + month + "&to=" + month
				+ "&clientId=" + client).expect(200).read("$.rows");
		assertThat(rows).hasSize(1);
		Map<String, Object> row = rows.get(0);
		assertThat(row.get("month")).isEqualTo(month);
		assertThat(row.get("invoicesSent")).isEqualTo(1);
		assertThat(new BigDecimal(String.valueOf(row.get("periodEndToSentDays"))))
			.isEqualByComparingTo(BigDecimal.valueOf(ChronoUnit.DAYS.between(OCTOBER.end(), today)));
		assertThat(row.get("sentToPaidDays")).isNull();
		assertThat(row.get("reviewInvoiceHours")).as("the review just done").isNotNull();

		payments.record(new NewPayment(invoice.id(), invoices.get(invoice.id()).total(), "USD", today,
				PaymentMethod.BANK_TRANSFER, null, PaymentOrigin.API, null, "test"));
		Map<String, Object> paid = get("/api/v1/reports/process-performance?from=" + month + "&to=" + month
				+ "&clientId=" + client).expect(200).<List<Map<String, Object>>>read("$.rows").get(0);
		assertThat(paid.get("invoicesSent")).as("a paid invoice was sent too").isEqualTo(1);
		assertThat(paid.get("invoicesPaid")).isEqualTo(1);
		assertThat(new BigDecimal(String.valueOf(paid.get("sentToPaidDays")))).isEqualByComparingTo("0.0");
		assertThat(new BigDecimal(String.valueOf(paid.get("remindersPerPaidInvoice")))).isEqualByComparingTo("0.00");

		List<Map<String, Object>> otherClient = get("/api/v1/reports/process-performance?from=" + month + "&to="
				+ month + "&clientId=" + newClient()).expect(200).read("$.rows");
		assertThat(otherClient.get(0).get("invoicesSent")).isEqualTo(0);
	}

}
