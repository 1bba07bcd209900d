package com.ledgerflow.accounting.qbo;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads QBO webhook bodies in both formats (qbo-samples/webhook-*.json): the legacy
 * {@code {"eventNotifications":[{"realmId","dataChangeEvent":{"entities":[{name,id,operation,lastUpdated}]}}]}} and
 * CloudEvents ({@code [{"type":"qbo.customer.created.v1","intuitentityid","intuitaccountid","time",...}]}).
 */
final class QboWebhookPayload {

	/** QBO's spelling of the entity names CloudEvents write in lower case. */
	private static final Map<String, String> ENTITY_NAMES = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

	static {
		for (String name : List.of("Account", "Bill", "BillPayment", "Budget", "Class", "CreditMemo", "Currency",
				"Customer", "Department", "Deposit", "Employee", "Estimate", "Invoice", "Item", "JournalCode",
				"JournalEntry", "Payment", "PaymentMethod", "Preferences", "Purchase", "PurchaseOrder",
				"RecurringTransaction", "RefundReceipt", "SalesReceipt", "TaxAgency", "Term", "TimeActivity", "Transfer",
				"Vendor", "VendorCredit")) {
			ENTITY_NAMES.put(name, name);
		}
	}

	/** CloudEvents' past-tense verbs to the legacy format's operations. */
	private static final Map<String, String> OPERATIONS = Map.of("created", "Create", "updated", "Update", "deleted",
			"Delete", "merged", "Merge", "voided", "Void", "emailed", "Emailed");

	/** ISO-8601 with or without fraction, offset as {@code Z}, {@code -07:00} or {@code -0700}. */
	static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
		.append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
		.optionalStart()
		.appendOffset("+HH:MM", "Z")
		.optionalEnd()
		.optionalStart()
		.appendOffset("+HHMM", "Z")
		.optionalEnd()
		.toFormatter(Locale.ROOT);

	private QboWebhookPayload() {
	}

	/** The changes in a body; throws {@link Malformed} when it is neither format or lacks a field. */
	static List<QboInboundChange> parse(byte[] body, ObjectMapper json) {
		JsonNode root;
		try {
			root = json.readTree(body);
		}
		catch (IOException ex) {
			throw new Malformed("not JSON: " + ex.getMessage());
		}
		if (root == null || root.isMissingNode()) {
			throw new Malformed("empty body");
		}
		if (root.isArray()) {
			return cloudEvents(root);
		}
		if (root.isObject() && root.has("eventNotifications")) {
			return legacy(root.get("eventNotifications"));
		}
		throw new Malformed("neither CloudEvents (an array) nor eventNotifications");
	}

	private static List<QboInboundChange> legacy(JsonNode notifications) {
		if (!notifications.isArray()) {
			throw new Malformed("eventNotifications is not an array");
		}
		List<QboInboundChange> changes = new ArrayList<>();
		for (JsonNode notification : notifications) {
			String realmId = text(notification, "realmId");
			JsonNode entities = notification.path("dataChangeEvent").path("entities");
			if (!entities.isArray()) {
				throw new Malformed("dataChangeEvent.entities is not an array");
			}
			for (JsonNode entity : entities) {
				changes.add(new QboInboundChange(realmId, entityName(text(entity, "name")), text(entity, "id"),
						text(entity, "operation"), timestamp(text(entity, "lastUpdated"))));
			}
		}
		return changes;
	}

	private static List<QboInboundChange> cloudEvents(JsonNode events) {
		List<QboInboundChange> changes = new ArrayList<>();
		for (JsonNode event : events) {
			if (!event.isObject()) {
				throw new Malformed("a CloudEvent is not an object");
			}
			// qbo.<entity>.<verb>.v<n>
			String[] type = text(event, "type").split("\\.");
			if (type.length < 3 || !"qbo".equals(type[0])) {
				throw new Malformed("unknown CloudEvent type " + event.get("type").asText());
			}
			String verb = type[2].toLowerCase(Locale.ROOT);
			changes.add(new QboInboundChange(text(event, "intuitaccountid"), entityName(type[1]),
					text(event, "intuitentityid"), OPERATIONS.getOrDefault(verb, capitalized(verb)),
					timestamp(text(event, "time"))));
		}
		return changes;
	}

	static String entityName(String name) {
		return ENTITY_NAMES.getOrDefault(name, capitalized(name));
	}

	/** A QBO timestamp as an instant truncated to the second (webhooks carry milliseconds, CDC does not). */
	static Instant timestamp(String value) {
		try {
			return OffsetDateTime.parse(value, TIMESTAMP).toInstant().truncatedTo(ChronoUnit.SECONDS);
		}
		catch (DateTimeParseException ex) {
			throw new Malformed("not a timestamp: " + value);
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || !value.isValueNode() || value.asText().isBlank()) {
			throw new Malformed("missing " + field);
		}
		return value.asText();
	}

	private static String capitalized(String name) {
		return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
	}

	/** The body is not a QBO webhook. */
	static final class Malformed extends RuntimeException {

		Malformed(String message) {
			super(message);
		}

	}

}
