package com.ledgerflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * GreenMail as the real SMTP server of the integration-test context: started once per JVM on a free port that stays
 * the same across {@link #whileDown restarts}, and set as {@code spring.mail.host}/{@code spring.mail.port}.
 */
public class TestMailServer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final String HOST = "127.0.0.1";

	private static GreenMail greenMail;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		GreenMail server = greenMail();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("testMailServer",
					Map.of("spring.mail.host", HOST, "spring.mail.port", server.getSmtp().getPort())));
	}

	/** The running SMTP server; purge it in {@code @BeforeEach} before asserting on received mail. */
	public static synchronized GreenMail greenMail() {
		if (greenMail == null) {
			greenMail = new GreenMail(new ServerSetup(freePort(), HOST, ServerSetup.PROTOCOL_SMTP))
				.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
			greenMail.start();
			Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
		}
		return greenMail;
	}

	/** The first message received whose subject contains {@code subjectPart}, waiting up to 20 seconds for it. */
	public static MimeMessage awaitMail(String subjectPart) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> Arrays.stream(greenMail().getReceivedMessages())
				.filter(message -> subject(message).contains(subjectPart))
				.findFirst()
				.orElse(null), Objects::nonNull);
	}

	/** The message's subject, "" when it has none or cannot be read. */
	public static String subject(MimeMessage message) {
		try {
			return Objects.requireNonNullElse(message.getSubject(), "");
		}
		catch (MessagingException ex) {
			return "";
		}
	}

	/** Runs {@code action} with the SMTP server stopped (connections refused) and starts it again on the same port. */
	public static synchronized void whileDown(Runnable action) {
		GreenMail server = greenMail();
		server.stop();
		try {
			action.run();
		}
		finally {
			server.start();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
