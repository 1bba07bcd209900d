package com.ledgerflow.accounting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvoiceDraftTests {

	private static final ExternalRef ITEM = new ExternalRef("8");

	@Test
	void aLineAmountIsQuantityTimesUnitPriceRoundedHalfUpToTheCent() {
		InvoiceDraft.Line line = InvoiceDraft.Line.of("Design", new BigDecimal("3"), new BigDecimal("33.335"), ITEM,
				false);

		assertThat(line.amount()).isEqualTo(new BigDecimal("100.01"));
	}

	@Test
	void aLineWhoseAmountIsNotQuantityTimesUnitPriceIsRefused() {
		assertThatThrownBy(() -> new InvoiceDraft.Line("Design", new BigDecimal("3"), new BigDecimal("33.33"),
				new BigDecimal("100.00"), ITEM, false))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("99.99");
	}

	@Test
	void theTotalIsTheExactSumOfTheLineAmounts() {
		InvoiceDraft draft = new InvoiceDraft(UUID.randomUUID(), new ExternalRef("24"), LocalDate.of(2026, 11, 30),
				LocalDate.of(2026, 12, 30), "USD",
				List.of(InvoiceDraft.Line.of("Design", new BigDecimal("3"), new BigDecimal("33.33"), ITEM, false),
						InvoiceDraft.Line.of("Rounding", BigDecimal.ONE, new BigDecimal("0.01"), ITEM, false)),
				null);

		assertThat(draft.total()).isEqualTo(new BigDecimal("100.00"));
	}

	@Test
	void anInvoiceWithoutLinesOrDueBeforeItsIssueIsRefused() {
		assertThatThrownBy(() -> new InvoiceDraft(UUID.randomUUID(), ITEM, LocalDate.of(2026, 11, 30),
				LocalDate.of(2026, 12, 30), "USD", List.of(), null)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new InvoiceDraft(UUID.randomUUID(), ITEM, LocalDate.of(2026, 11, 30),
				LocalDate.of(2026, 11, 1), "USD",
				List.of(InvoiceDraft.Line.of("Design", BigDecimal.ONE, BigDecimal.TEN, ITEM, false)), null))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
