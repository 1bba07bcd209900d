package com.ledgerflow.invoicing;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The late fee: fixed + open balance × percent / 100, half-up to the cent. */
class LateFeeAmountTests {

	@Test
	void aFixedFeeOnly() {
		assertThat(LateFees.amount(new BigDecimal("25.00"), null, new BigDecimal("326.63"))).isEqualTo("25.00");
		assertThat(LateFees.amount(new BigDecimal("25.00"), BigDecimal.ZERO, new BigDecimal("326.63")))
			.isEqualTo("25.00");
	}

	@Test
	void aPercentOnly() {
		// 2 % of 326.63 = 6.5326
		assertThat(LateFees.amount(null, new BigDecimal("2"), new BigDecimal("326.63"))).isEqualTo("6.53");
		assertThat(LateFees.amount(BigDecimal.ZERO, new BigDecimal("1.5"), new BigDecimal("1000.00")))
			.isEqualTo("15.00");
	}

	@Test
	void bothAddUp() {
		// 25.00 + 1.5 % of 326.63 (4.89945) = 29.89945
		assertThat(LateFees.amount(new BigDecimal("25.00"), new BigDecimal("1.5"), new BigDecimal("326.63")))
			.isEqualTo("29.90");
	}

	@Test
	void thePercentRoundsHalfUpOnceOnTheSum() {
		// 1.25 % of 10.00 = 0.125 → 0.13 (half-up, not half-even)
		assertThat(LateFees.amount(null, new BigDecimal("1.25"), new BigDecimal("10.00"))).isEqualTo("0.13");
		// 0.125 % of 1,234.00 = 1.5425 → 1.54; + 0.01 fixed = 1.5525 → 1.55 (rounded once, on the sum)
		assertThat(LateFees.amount(new BigDecimal("0.01"), new BigDecimal("0.125"), new BigDecimal("1234.00")))
			.isEqualTo("1.55");
		// 3.333 % of 0.15 = 0.0049995 → 0.00
		assertThat(LateFees.amount(null, new BigDecimal("3.333"), new BigDecimal("0.15"))).isEqualTo("0.00");
	}

	@Test
	void noFeeWithoutEitherPart() {
		assertThat(LateFees.amount(null, null, new BigDecimal("326.63"))).isEqualTo("0.00");
	}

	@Test
	void theClaimIdIsTheSameForTheSameInvoiceAndStepOnly() {
		UUID invoice = UUID.randomUUID();
		assertThat(LateFees.itemId(invoice, "ESCALATE_14")).isEqualTo(LateFees.itemId(invoice, "ESCALATE_14"))
			.isEqualTo(UUID.nameUUIDFromBytes(("late-fee:" + invoice + ":ESCALATE_14").getBytes(StandardCharsets.UTF_8)))
			.isNotEqualTo(LateFees.itemId(invoice, "FINAL_NOTICE_30"))
			.isNotEqualTo(LateFees.itemId(UUID.randomUUID(), "ESCALATE_14"));
	}

}
