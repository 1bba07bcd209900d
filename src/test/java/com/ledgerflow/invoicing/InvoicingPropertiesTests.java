package com.ledgerflow.invoicing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InvoicingPropertiesTests {

	@Test
	void formatsNumbersByThePattern() {
		assertThat(new InvoicingProperties("{yyyy}-{seq:4}", "").format(2026, 7)).isEqualTo("2026-0007");
		assertThat(new InvoicingProperties("INV-{yy}/{seq}", "").format(2026, 12345)).isEqualTo("INV-26/12345");
		assertThat(new InvoicingProperties("{yyyy}-{seq:4}", "").format(2027, 10000)).isEqualTo("2027-10000");
	}

}
