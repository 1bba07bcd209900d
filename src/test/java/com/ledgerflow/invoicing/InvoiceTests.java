package com.ledgerflow.invoicing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The invoice's life: approval numbers and dates it, only drafts change, a voided invoice keeps its number. */
class InvoiceTests {

	static final LocalDate APPROVAL_DAY = LocalDate.parse("2026-12-03");

	@Test
	void approvalNumbersAndDatesTheInvoiceByTheClientsTerms() {
		Invoice invoice = milestoneInvoice();
		invoice.approve("2026-0042", APPROVAL_DAY, Instant.now());
		assertThat(invoice.status()).isEqualTo(InvoiceStatus.APPROVED);
		assertThat(invoice.number()).isEqualTo("2026-0042");
		assertThat(invoice.issueDate()).isEqualTo(APPROVAL_DAY);
		assertThat(invoice.dueDate()).isEqualTo(APPROVAL_DAY.plusDays(30));
	}

	@Test
	void onlyADraftChanges() {
		Invoice invoice = milestoneInvoice();
		invoice.approve("2026-0001", APPROVAL_DAY, Instant.now());
		assertThatThrownBy(() -> invoice.addDiscount("Late", BigDecimal.ONE)).isInstanceOf(InvoiceNotDraft.class);
		assertThatThrownBy(invoice::reject).isInstanceOf(InvoiceNotDraft.class);
		assertThatThrownBy(() -> invoice.approve("2026-0002", APPROVAL_DAY, Instant.now()))
			.isInstanceOf(InvoiceNotDraft.class);
		assertThat(invoice.number()).isEqualTo("2026-0001");
	}

	@Test
	void refusesToApproveAnInvoiceWithNothingOnIt() {
		Invoice empty = InvoiceMoneyTests.invoice(BigDecimal.ZERO, List.of());
		assertThatThrownBy(() -> empty.approve("2026-0003", APPROVAL_DAY, Instant.now()))
			.isInstanceOf(InvoiceChangeRefused.class);
	}

	@Test
	void goesPostedSentAndVoidedKeepingItsNumber() {
		Invoice invoice = milestoneInvoice();
		assertThatThrownBy(invoice::posted).isInstanceOf(InvoiceChangeRefused.class);
		assertThatThrownBy(invoice::voided).isInstanceOf(InvoiceChangeRefused.class);
		invoice.approve("2026-0007", APPROVAL_DAY, Instant.now());
		invoice.posted();
		invoice.posted();
		invoice.sent();
		invoice.voided();
		invoice.voided();
		assertThat(invoice.status()).isEqualTo(InvoiceStatus.VOIDED);
		assertThat(invoice.number()).isEqualTo("2026-0007");
	}

	@Test
	void isPaidOnlyOncePostedOrSentAndStaysPaid() {
		Invoice invoice = milestoneInvoice();
		assertThat(invoice.acceptsPayments()).isFalse();
		assertThatThrownBy(invoice::paid).isInstanceOf(InvoiceChangeRefused.class);
		invoice.approve("2026-0008", APPROVAL_DAY, Instant.now());
		assertThatThrownBy(invoice::paid).isInstanceOf(InvoiceChangeRefused.class);
		invoice.posted();
		assertThat(invoice.acceptsPayments()).isTrue();
		invoice.paid();
		invoice.paid();
		invoice.sent(); // paid before it was e-mailed
		assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
		assertThat(invoice.acceptsPayments()).isFalse();
		assertThatThrownBy(invoice::voided).isInstanceOf(InvoiceChangeRefused.class);
	}

	@Test
	void summarisesEveryLineThatFitsACamundaStringAndAlwaysTheTotals() {
		List<InvoiceLine> lines = java.util.stream.IntStream.rangeClosed(1, 100)
			.mapToObj(i -> InvoiceLine.time("2026-10-%02d Pat Doe – Website relaunch: work item %d".formatted(i % 28 + 1,
					i), 30, 30, new BigDecimal("150.00")))
			.toList();
		String summary = InvoiceMoneyTests.invoice(new BigDecimal("8.875"), lines).summary();
		assertThat(summary).hasSizeLessThanOrEqualTo(Invoice.SUMMARY_MAX_CHARS)
			.startsWith("Period ")
			.contains("1. TIME: 2026-10-02 Pat Doe – Website relaunch: work item 1 (0.50 h × 150.00) = 75.00\n")
			.containsPattern("\n… \\d+ more lines: open the invoice for all\n")
			.endsWith("Subtotal 7500.00, tax 8.875 % 665.63, total 8165.63 USD");
		assertThat(milestoneInvoice().summary()).doesNotContain("more lines")
			.contains("1. MILESTONE: Go-live = 1000.00\n");
	}

	static Invoice milestoneInvoice() {
		return InvoiceMoneyTests.invoice(new BigDecimal("8.875"),
				List.of(InvoiceLine.single(InvoiceLineKind.MILESTONE, "Go-live", new BigDecimal("1000.00"))));
	}

}
