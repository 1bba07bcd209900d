package com.ledgerflow.mail.smtp;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.groups.Tuple.tuple;

class AddressListTests {

	@Test
	void keepsDisplayNamesReadableAndReadsThemBack() {
		var addresses = AddressList.of(List.of("Zoë Müller <zoe@example.com>", "\"Doe, John\" <john@example.com>",
				"plain@example.com"));

		assertThat(addresses.header())
			.isEqualTo("\"Zoë Müller\" <zoe@example.com>, \"Doe, John\" <john@example.com>, plain@example.com");
		assertThat(AddressList.fromHeader(addresses.header()).toArray()).extracting("personal", "address")
			.containsExactly(tuple("Zoë Müller", "zoe@example.com"),
					tuple("Doe, John", "john@example.com"),
					tuple(null, "plain@example.com"));
	}

	@Test
	void rejectsAnAddressWithoutDomainNamingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> AddressList.of(List.of("ok@example.com", "jane")))
			.withMessageContaining("'jane'");
	}

	@Test
	void rejectsTwoAddressesInOneEntry() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AddressList.of(List.of("a@example.com, b@example.com")))
			.withMessageContaining("'a@example.com, b@example.com'");
	}

	@Test
	void rejectsAnEmptyRecipientList() {
		assertThatIllegalArgumentException().isThrownBy(() -> AddressList.of(List.of()))
			.withMessageContaining("at least one recipient");
	}

}
