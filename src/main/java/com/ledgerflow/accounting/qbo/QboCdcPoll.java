package com.ledgerflow.accounting.qbo;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The safety net for missed webhooks: asks QBO's change data capture for Payment, Invoice, TimeActivity and Purchase
 * changes since a persisted cursor ({@code qbo_cdc_cursor}) and stores them with the webhook changes (duplicates are
 * ignored by the table's unique key). QBO answers at most {@value #MAX_PER_ENTITY} records per entity and call: an
 * entity that hits the limit is asked again from the latest {@code LastUpdatedTime} it answered, until it answers
 * fewer, and only then does the cursor move (to the first answer's time: the entities that were complete then are
 * complete up to it). One node at a time: the poll runs under {@code pg_try_advisory_xact_lock}; a node that does not
 * get the lock skips this round.
 */
@Component
class QboCdcPoll {

	static final List<String> ENTITIES = List.of("Payment", "Invoice", "TimeActivity", "Purchase");

	/** Advisory lock id of the poll ("LFQBOCDC"). */
	static final long LOCK_KEY = 0x4c46_5142_4f43_4443L;

	/** Where a realm's first poll starts. */
	static final Duration INITIAL_LOOKBACK = Duration.ofDays(1);

	/** QBO answers changes of the last 30 days at most. */
	static final Duration MAX_LOOKBACK = Duration.ofDays(30);

	/** QBO's most records of one entity in one CDC answer. */
	static final int MAX_PER_ENTITY = 1000;

	/** The most follow-up calls of one poll; the next poll goes on from the cursor. */
	static final int MAX_PAGES = 50;

	/** The next poll starts a little before QBO's answer time: a change committed meanwhile is not missed. */
	static final Duration OVERLAP = Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(QboCdcPoll.class);

	private static final DateTimeFormatter CHANGED_SINCE = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

	private final QboProperties properties;

	private final QboAccessTokens tokens;

	private final QboInboundChanges changes;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final RestClient http;

	private final Clock clock;

	private final int maxPerEntity;

	@Autowired
	QboCdcPoll(QboProperties properties, QboAccessTokens tokens, QboInboundChanges changes, JdbcTemplate jdbc,
			PlatformTransactionManager transactionManager, RestClient.Builder builder, Clock clock) {
		this(properties, tokens, changes, jdbc, transactionManager, builder, clock, MAX_PER_ENTITY);
	}

	/** With QBO's per-entity limit at {@code maxPerEntity} (tests use a small one). */
	QboCdcPoll(QboProperties properties, QboAccessTokens tokens, QboInboundChanges changes, JdbcTemplate jdbc,
			PlatformTransactionManager transactionManager, RestClient.Builder builder, Clock clock,
			int maxPerEntity) {
		this.maxPerEntity = maxPerEntity;
		this.properties = properties;
		this.tokens = tokens;
		this.changes = changes;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.http = builder.clone()
			.requestFactory(ClientHttpRequestFactoryBuilder.detect()
				.build(ClientHttpRequestFactorySettings.defaults()
					.withConnectTimeout(properties.timeout())
					.withReadTimeout(properties.timeout())))
			.build();
	}

	/** What one poll did; {@code calls} to QBO's CDC (more than one when an entity hit the per-call limit). */
	record Result(boolean polled, int changes, int inserted, int calls) {

		static final Result SKIPPED = new Result(false, 0, 0, 0);

		Result(boolean polled, int changes, int inserted) {
			this(polled, changes, inserted, 1);
		}

	}

	/** One poll; skipped when another node is polling or QuickBooks is not connected. */
	Result poll() {
		Result result = transactions.execute(status -> {
			Boolean locked = jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, LOCK_KEY);
			if (!Boolean.TRUE.equals(locked)) {
				log.debug("QBO CDC poll running on another node: skipped");
				return Result.SKIPPED;
			}
			String realmId;
			String accessToken;
			try {
				realmId = tokens.realmId();
				accessToken = tokens.accessToken();
			}
			catch (QboNotConnected ex) {
				log.debug("QBO CDC poll skipped: {}", ex.getMessage());
				return Result.SKIPPED;
			}
			Instant now = clock.instant();
			Instant since = changedSince(realmId, now);
			JsonNode answer = fetch(realmId, ENTITIES, since, accessToken);
			List<QboInboundChange> found = new ArrayList<>(parse(realmId, answer));
			int calls = 1 + followCapped(realmId, answer, since, accessToken, found);
			int inserted = changes.record(found, QboInboundChange.Source.CDC);
			Instant next = answerTime(answer, now).minus(OVERLAP);
			if (next.isBefore(since)) {
				next = since;
			}
			jdbc.update("""
					insert into qbo_cdc_cursor (realm_id, changed_since, polled_at) values (?, ?, ?)
					on conflict (realm_id) do update set changed_since = excluded.changed_since, polled_at = excluded.polled_at""",
					realmId, Timestamp.from(next), Timestamp.from(now));
			log.info("QBO CDC poll of {} since {}: {} changes, {} new", realmId, since, found.size(), inserted);
			return new Result(true, found.size(), inserted, calls);
		});
		return result == null ? Result.SKIPPED : result;
	}

	private Instant changedSince(String realmId, Instant now) {
		List<Timestamp> cursor = jdbc.queryForList("select changed_since from qbo_cdc_cursor where realm_id = ?",
				Timestamp.class, realmId);
		Instant since = cursor.isEmpty() ? now.minus(INITIAL_LOOKBACK) : cursor.get(0).toInstant();
		Instant oldest = now.minus(MAX_LOOKBACK).plus(Duration.ofMinutes(5));
		if (since.isBefore(oldest)) {
			log.warn("QBO CDC cursor {} is older than QBO's 30 days: polling from {}", since, oldest);
			return oldest;
		}
		return since;
	}

	// asks again for the entities that hit the limit, from the latest change each answered; answers the extra calls
	private int followCapped(String realmId, JsonNode first, Instant since, String accessToken,
			List<QboInboundChange> found) {
		Map<String, Instant> capped = capped(first);
		Instant from = since;
		int calls = 0;
		while (!capped.isEmpty()) {
			Instant next = capped.values().stream().min(Instant::compareTo).orElseThrow();
			if (!next.isAfter(from) || calls == MAX_PAGES) {
				log.warn("QBO CDC: {} changed more than {} times since {}; some changes may only show on a later poll",
						capped.keySet(), maxPerEntity, from);
				break;
			}
			from = next;
			JsonNode answer = fetch(realmId, List.copyOf(capped.keySet()), from, accessToken);
			found.addAll(parse(realmId, answer));
			capped = capped(answer);
			calls++;
		}
		return calls;
	}

	// the entities of an answer that hit the limit, each with the latest LastUpdatedTime it answered
	private Map<String, Instant> capped(JsonNode answer) {
		Map<String, Instant> capped = new LinkedHashMap<>();
		for (JsonNode cdc : answer.path("CDCResponse")) {
			for (JsonNode query : cdc.path("QueryResponse")) {
				for (Iterator<Map.Entry<String, JsonNode>> fields = query.fields(); fields.hasNext();) {
					Map.Entry<String, JsonNode> field = fields.next();
					if (field.getValue().isArray() && field.getValue().size() >= maxPerEntity) {
						for (JsonNode record : field.getValue()) {
							String updated = record.path("MetaData").path("LastUpdatedTime").asText("");
							if (!updated.isEmpty()) {
								capped.merge(field.getKey(), QboWebhookPayload.timestamp(updated),
										(a, b) -> a.isAfter(b) ? a : b);
							}
						}
					}
				}
			}
		}
		return capped;
	}

	private JsonNode fetch(String realmId, List<String> entities, Instant since, String accessToken) {
		URI uri = UriComponentsBuilder.fromUri(properties.baseUrl())
			.pathSegment(realmId, "cdc")
			.queryParam("entities", String.join(",", entities))
			.queryParam("changedSince", CHANGED_SINCE.format(since.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)))
			.queryParam("minorversion", properties.minorVersion())
			.encode()
			.build()
			.toUri();
		try {
			return get(uri, accessToken);
		}
		catch (HttpClientErrorException.Unauthorized ex) {
			return get(uri, tokens.refreshAfterUnauthorized(accessToken));
		}
	}

	private JsonNode get(URI uri, String accessToken) {
		ResponseEntity<JsonNode> answer = http.get()
			.uri(uri)
			.headers(headers -> headers.setBearerAuth(accessToken))
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.toEntity(JsonNode.class);
		log.debug("QBO CDC {} (intuit_tid {})", answer.getStatusCode().value(), answer.getHeaders().getFirst("intuit_tid"));
		JsonNode body = answer.getBody();
		if (body == null || body.has("Fault")) {
			throw new IllegalStateException("QBO CDC answered a fault (intuit_tid "
					+ answer.getHeaders().getFirst("intuit_tid") + "): " + body);
		}
		return body;
	}

	/**
	 * The changes in a CDC answer: {@code CDCResponse[].QueryResponse[].<Entity>[]}; a deleted record is
	 * {@code {"status":"Deleted","Id",...}}, a record whose {@code CreateTime} is its {@code LastUpdatedTime} was
	 * created, anything else updated.
	 */
	static List<QboInboundChange> parse(String realmId, JsonNode answer) {
		List<QboInboundChange> found = new ArrayList<>();
		for (JsonNode cdc : answer.path("CDCResponse")) {
			for (JsonNode query : cdc.path("QueryResponse")) {
				for (Iterator<Map.Entry<String, JsonNode>> fields = query.fields(); fields.hasNext();) {
					Map.Entry<String, JsonNode> field = fields.next();
					if (!field.getValue().isArray()) {
						continue; // startPosition, maxResults, totalCount
					}
					for (JsonNode record : field.getValue()) {
						change(realmId, field.getKey(), record).ifPresent(found::add);
					}
				}
			}
		}
		return found;
	}

	private static Optional<QboInboundChange> change(String realmId, String entity, JsonNode record) {
		String id = record.path("Id").asText("");
		String lastUpdated = record.path("MetaData").path("LastUpdatedTime").asText("");
		if (id.isEmpty() || lastUpdated.isEmpty()) {
			log.warn("QBO CDC {} without Id or LastUpdatedTime: ignored", entity);
			return Optional.empty();
		}
		String operation;
		if ("Deleted".equalsIgnoreCase(record.path("status").asText(""))) {
			operation = "Delete";
		}
		else {
			String created = record.path("MetaData").path("CreateTime").asText("");
			operation = !created.isEmpty()
					&& QboWebhookPayload.timestamp(created).equals(QboWebhookPayload.timestamp(lastUpdated)) ? "Create"
							: "Update";
		}
		return Optional.of(new QboInboundChange(realmId, QboWebhookPayload.entityName(entity), id, operation,
				QboWebhookPayload.timestamp(lastUpdated)));
	}

	private static Instant answerTime(JsonNode answer, Instant fallback) {
		@Nullable String time = answer.path("time").asText(null);
		if (time == null) {
			return fallback;
		}
		try {
			return QboWebhookPayload.timestamp(time);
		}
		catch (QboWebhookPayload.Malformed ex) {
			return fallback;
		}
	}

}
