package com.ledgerflow.accounting.qbo;

import java.time.Duration;
import java.util.Optional;

import com.ledgerflow.accounting.AccountingSystem;
import com.ledgerflow.accounting.ExternalRef;
import com.ledgerflow.client.ClientFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The QBO beans exist with provider {@code qbo} only; the token store is the OAuth side's (here a stand-in). */
class QboWiringTests {

	private FakeQbo fake;

	private ApplicationContextRunner context;

	@BeforeEach
	void startFakeQbo() {
		fake = FakeQbo.start();
		context = new ApplicationContextRunner().withUserConfiguration(QboClientConfiguration.class, QboAccountingSystem.class)
			.withBean(QboProperties.class, () -> QboFixtures.properties(fake, 500, 10, Duration.ofSeconds(5)))
			.withBean(QboAccessTokens.class, () -> new FakeQboTokens(fake))
			.withBean(RestClient.Builder.class, RestClient::builder);
	}

	@AfterEach
	void stopFakeQbo() {
		fake.close();
	}

	@Test
	void providerQboMakesTheQboAdapterTheAccountingSystem() {
		context.withPropertyValues("ledgerflow.accounting.provider=qbo").run(beans -> {
			AccountingSystem accounting = beans.getBean(AccountingSystem.class);
			ExternalRef ref = accounting.pushCustomer(ClientFixture.client("Acme Wiring"), Optional.empty());

			assertThat(accounting.name()).isEqualTo("qbo");
			assertThat(fake.customer(ref.value())).isPresent();
		});
	}

	@Test
	void anyOtherProviderLeavesTheQboBeansOut() {
		context.withPropertyValues("ledgerflow.accounting.provider=local").run(beans -> {
			assertThat(beans).doesNotHaveBean(QboClient.class);
			assertThat(beans).doesNotHaveBean(AccountingSystem.class);
		});
	}

}
