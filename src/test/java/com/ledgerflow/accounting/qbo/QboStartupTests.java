package com.ledgerflow.accounting.qbo;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** Start-up with and without the token encryption key; which beans run with which provider. */
class QboStartupTests {

	static QboProperties properties(@Nullable String encryptionKey) {
		return new QboProperties(URI.create("http://localhost/v3/company"), URI.create("http://localhost/authorize"),
				URI.create("http://localhost/token"), URI.create("http://localhost/revoke"), "id", "secret",
				URI.create("http://localhost/callback"), encryptionKey, "verifier", 75, 500, 10, Duration.ofSeconds(5),
				Duration.ofMinutes(15));
	}

	static ApplicationContextRunner runner(@Nullable String encryptionKey) {
		return new ApplicationContextRunner().withBean(QboProperties.class, () -> properties(encryptionKey))
			.withUserConfiguration(QboConfiguration.class);
	}

	@Test
	void refusesToStartTheQboProviderWithoutAnEncryptionKey() {
		runner(null).withPropertyValues("ledgerflow.accounting.provider=qbo").run(context -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			QboEncryptionKeyMissing cause = findCause(failure);
			FailureAnalysis analysis = new QboEncryptionKeyMissingFailureAnalyzer().analyze(failure);
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("LEDGERFLOW_ACCOUNTING_QBO_ENCRYPTION_KEY");
			assertThat(analysis.getAction()).contains("LEDGERFLOW_ACCOUNTING_QBO_ENCRYPTION_KEY");
			assertThat(cause).hasMessageContaining("is not set");
		});
	}

	@Test
	void refusesToStartTheQboProviderWithAKeyOfTheWrongLength() {
		runner(Base64.getEncoder().encodeToString(new byte[8])).withPropertyValues("ledgerflow.accounting.provider=qbo")
			.run(context -> assertThat(findCause(context.getStartupFailure())).hasMessageContaining("8 bytes"));
	}

	@Test
	void startsTheQboProviderWithAKey() {
		runner(Base64.getEncoder().encodeToString(new byte[32])).withPropertyValues("ledgerflow.accounting.provider=qbo")
			.run(context -> assertThat(context).hasNotFailed().hasSingleBean(QboTokenCipher.class));
	}

	@Test
	void startsTheLocalProviderWithoutAKey() {
		runner(null).withPropertyValues("ledgerflow.accounting.provider=local")
			.run(context -> assertThat(context).hasNotFailed().hasSingleBean(QboTokenCipher.class));
	}

	@Test
	void schedulesWebhookProcessingAndTheCdcPollOnlyWithTheQboProvider() {
		ApplicationContextRunner pollers = new ApplicationContextRunner()
			.withBean(QboInboundChanges.class, () -> mock(QboInboundChanges.class))
			.withBean(QboCdcPoll.class, () -> mock(QboCdcPoll.class))
			.withUserConfiguration(QboInboundPoller.class, QboCdcScheduler.class);

		pollers.withPropertyValues("ledgerflow.accounting.provider=qbo")
			.run(context -> assertThat(context).hasSingleBean(QboInboundPoller.class)
				.hasSingleBean(QboCdcScheduler.class));
		pollers.withPropertyValues("ledgerflow.accounting.provider=local")
			.run(context -> assertThat(context).doesNotHaveBean(QboInboundPoller.class)
				.doesNotHaveBean(QboCdcScheduler.class));
		pollers.run(context -> assertThat(context).doesNotHaveBean(QboInboundPoller.class));
	}

	private static QboEncryptionKeyMissing findCause(@Nullable Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof QboEncryptionKeyMissing missing) {
				return missing;
			}
		}
		throw new AssertionError("No QboEncryptionKeyMissing in " + failure);
	}

}
