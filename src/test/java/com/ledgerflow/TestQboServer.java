package com.ledgerflow;

import java.util.Map;

import com.ledgerflow.accounting.qbo.FakeQbo;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * One {@link FakeQbo} per test JVM, serving Intuit's OAuth endpoints (token, revoke) and the QBO API; the shared
 * context's {@code ledgerflow.accounting.qbo.*} URLs and client credentials point at it, as they would at Intuit.
 * Tests that use it call {@link FakeQbo#resetOAuth()} first: it keeps what earlier tests did.
 */
public class TestQboServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String CLIENT_ID = "fake-client-id";

	public static final String CLIENT_SECRET = "fake-client-secret";

	public static final String REDIRECT_URI = "http://localhost/accounting/qbo/callback";

	private static FakeQbo fake;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		FakeQbo qbo = fake();
		String prefix = "ledgerflow.accounting.qbo.";
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("testQboServer",
					Map.of(prefix + "base-url", qbo.baseUrl().toString(), prefix + "authorize-url",
							qbo.authorizeUrl().toString(), prefix + "token-url", qbo.tokenUrl().toString(),
							prefix + "revoke-url", qbo.revokeUrl().toString(), prefix + "client-id", CLIENT_ID,
							prefix + "client-secret", CLIENT_SECRET, prefix + "redirect-uri", REDIRECT_URI)));
	}

	/** The running fake. */
	public static synchronized FakeQbo fake() {
		if (fake == null) {
			fake = FakeQbo.start();
			Runtime.getRuntime().addShutdownHook(new Thread(fake::close));
		}
		return fake;
	}

}
