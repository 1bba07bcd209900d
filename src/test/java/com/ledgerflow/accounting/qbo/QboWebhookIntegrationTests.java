package com.ledgerflow.accounting.qbo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.ledgerflow.IntegrationTest;
import com.ledgerflow.accounting.AccountingChangeReceived;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /webhooks/qbo} with the real payloads of qbo-samples, signed with the test verifier token. */
@IntegrationTest
@RecordApplicationEvents
class QboWebhookIntegrationTests {

	/** As in application-test.yaml. */
	static final String VERIFIER_TOKEN = "test-verifier-token";

	/** The companies of qbo-samples/webhook-notification.json and webhook-cloudevents.json. */
	static final String LEGACY_REALM = "1185883450";

	static final String CLOUD_EVENTS_REALM = "310687";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	QboInboundChanges changes;

	@Autowired
	ApplicationEvents events;

	@Autowired
	QboTokenStore connections;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void emptyInboxAndConnectTheLegacySamplesCompany() {
		jdbc.update("delete from qbo_inbound_change");
		connect(LEGACY_REALM);
	}

	@AfterEach
	void disconnect() {
		jdbc.update("delete from qbo_connection");
	}

	@Test
	void storesTheChangesOfALegacyNotification() {
		byte[] body = sample("webhook-notification.json");

		assertThat(post(body, signature(body)).statusCode()).isEqualTo(200);

		assertThat(rows()).containsExactlyInAnyOrder(
				Map.of("realm_id", "1185883450", "entity", "Customer", "entity_id", "1", "operation", "Create", "source",
						"WEBHOOK"),
				Map.of("realm_id", "1185883450", "entity", "Vendor", "entity_id", "1", "operation", "Create", "source",
						"WEBHOOK"));
		assertThat(jdbc.queryForList("select last_updated from qbo_inbound_change", Timestamp.class))
			.allSatisfy(lastUpdated -> assertThat(lastUpdated.toInstant()).hasToString("2015-10-05T21:42:19Z"));
	}

	@Test
	void storesTheChangesOfCloudEvents() {
		connect(CLOUD_EVENTS_REALM);
		byte[] body = sample("webhook-cloudevents.json");

		assertThat(post(body, signature(body)).statusCode()).isEqualTo(200);

		assertThat(rows()).containsExactly(Map.of("realm_id", "310687", "entity", "Customer", "entity_id", "1234",
				"operation", "Create", "source", "WEBHOOK"));
	}

	@Test
	void refusesAWrongSignatureAndStoresNothing() {
		byte[] body = sample("webhook-notification.json");
		byte[] otherBody = "{\"eventNotifications\":[]}".getBytes(StandardCharsets.UTF_8);

		assertThat(post(body, signature(otherBody)).statusCode()).isEqualTo(401);
		assertThat(post(body, "bm90IGEgc2lnbmF0dXJl").statusCode()).isEqualTo(401);
		assertThat(post(body, "%%% not base64").statusCode()).isEqualTo(401);
		assertThat(post(body, null).statusCode()).isEqualTo(401);
		assertThat(rows()).isEmpty();
	}

	@Test
	void aReplayedEventChangesNothing() {
		byte[] body = sample("webhook-notification.json");
		post(body, signature(body));

		assertThat(post(body, signature(body)).statusCode()).isEqualTo(200);

		assertThat(rows()).hasSize(2);
	}

	@Test
	void refusesAMalformedBodyAndStoresNothing() {
		for (String malformed : List.of("not json", "{\"something\":\"else\"}",
				"{\"eventNotifications\":[{\"realmId\":\"1\",\"dataChangeEvent\":{\"entities\":[{\"name\":\"Payment\",\"id\":\"1\",\"operation\":\"Create\",\"lastUpdated\":\"2015-10-05T14:42:19-0700\"},{\"name\":\"Invoice\"}]}}]}",
				"[{\"type\":\"qbo.payment.created.v1\",\"intuitentityid\":\"7\",\"intuitaccountid\":\"1\",\"time\":\"yesterday\"}]",
				"")) {
			byte[] body = malformed.getBytes(StandardCharsets.UTF_8);
			assertThat(post(body, signature(body)).statusCode()).as(malformed).isEqualTo(400);
		}
		assertThat(rows()).isEmpty();
	}

	@Test
	void processingPublishesOneEventPerChange() {
		byte[] legacy = sample("webhook-notification.json");
		post(legacy, signature(legacy));
		post(legacy, signature(legacy));

		assertThat(changes.processPending()).isEqualTo(2);
		assertThat(changes.processPending()).isZero();

		assertThat(events.stream(AccountingChangeReceived.class)).containsExactlyInAnyOrder(
				new AccountingChangeReceived("Customer", "1", "Create"),
				new AccountingChangeReceived("Vendor", "1", "Create"));
		assertThat(jdbc.queryForObject("select count(*) from qbo_inbound_change where processed_at is null",
				Integer.class)).isZero();
	}

	@Test
	void ignoresEventsOfAnotherCompanyThanTheConnectedOneButAnswers200() {
		byte[] cloudEvents = sample("webhook-cloudevents.json");

		assertThat(post(cloudEvents, signature(cloudEvents)).statusCode()).isEqualTo(200);

		assertThat(rows()).isEmpty();
		assertThat(changes.processPending()).isZero();
	}

	@Test
	void ignoresEveryEventWhenNoCompanyIsConnected() {
		jdbc.update("delete from qbo_connection");
		byte[] legacy = sample("webhook-notification.json");

		assertThat(post(legacy, signature(legacy)).statusCode()).isEqualTo(200);

		assertThat(rows()).isEmpty();
	}

	@Test
	void aReplayAfterProcessingIsNotProcessedAgain() {
		connect(CLOUD_EVENTS_REALM);
		byte[] body = sample("webhook-cloudevents.json");
		post(body, signature(body));
		changes.processPending();

		post(body, signature(body));

		assertThat(changes.processPending()).isZero();
		assertThat(events.stream(AccountingChangeReceived.class)).hasSize(1);
	}

	private void connect(String realmId) {
		connections.connect(realmId, new IntuitOAuthClient.TokenResponse("access", "refresh", 3600, 8726400, "bearer"),
				"test-finance");
	}

	private List<Map<String, Object>> rows() {
		return jdbc.queryForList("select realm_id, entity, entity_id, operation, source from qbo_inbound_change");
	}

	private HttpResponse<String> post(byte[] body, @Nullable String signature) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhooks/qbo"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (signature != null) {
			request.header("intuit-signature", signature);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	static String signature(byte[] body) {
		return Base64.getEncoder().encodeToString(QboWebhooks.sign(body, VERIFIER_TOKEN));
	}

	static byte[] sample(String name) {
		try (InputStream in = QboWebhookIntegrationTests.class.getResourceAsStream("/qbo-samples/" + name)) {
			if (in == null) {
				throw new IllegalStateException("No sample " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
