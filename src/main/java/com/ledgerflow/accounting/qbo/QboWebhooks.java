package com.ledgerflow.accounting.qbo;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Receives QBO webhooks: checks {@code intuit-signature} (base64 HMAC-SHA256 of the raw body, keyed with the app's
 * verifier token, compared in constant time), parses both formats and stores the changes for asynchronous processing,
 * so Intuit gets its answer well within its 3 seconds.
 */
@Service
public class QboWebhooks {

	private static final Logger log = LoggerFactory.getLogger(QboWebhooks.class);

	private static final String HMAC = "HmacSHA256";

	private final QboInboundChanges changes;

	private final ObjectMapper json;

	private final @Nullable String verifierToken;

	private final QboTokenStore connections;

	QboWebhooks(QboInboundChanges changes, ObjectMapper json, QboProperties properties, QboTokenStore connections) {
		this.changes = changes;
		this.connections = connections;
		this.json = json;
		this.verifierToken = properties.webhookVerifierToken();
	}

	public enum Outcome {
		/** Stored (or already stored: a replay); events of another company than the connected one are ignored. */
		ACCEPTED,
		/** Signature missing or wrong, or no verifier token configured: nothing stored. */
		BAD_SIGNATURE,
		/** Signed, but not a QBO webhook body: nothing stored. */
		MALFORMED
	}

	public Outcome receive(byte[] body, @Nullable String signature) {
		if (!signedByIntuit(body, signature)) {
			log.warn("QBO webhook with a missing or wrong intuit-signature: ignored");
			return Outcome.BAD_SIGNATURE;
		}
		List<QboInboundChange> parsed;
		try {
			parsed = QboWebhookPayload.parse(body, json);
		}
		catch (QboWebhookPayload.Malformed ex) {
			log.warn("Malformed QBO webhook: {}", ex.getMessage());
			return Outcome.MALFORMED;
		}
		List<QboInboundChange> ours = ofConnectedRealm(parsed);
		int inserted = changes.record(ours, QboInboundChange.Source.WEBHOOK);
		log.info("QBO webhook: {} changes, {} new, {} of another company ignored", parsed.size(), inserted,
				parsed.size() - ours.size());
		return Outcome.ACCEPTED;
	}

	// one app's webhooks cover every company that ever connected it; only the connected one is Ledgerflow's
	private List<QboInboundChange> ofConnectedRealm(List<QboInboundChange> parsed) {
		String realmId = connections.summary().map(QboConnectionSummary::realmId).orElse(null);
		return parsed.stream().filter(change -> change.realmId().equals(realmId)).toList();
	}

	boolean signedByIntuit(byte[] body, @Nullable String signature) {
		if (verifierToken == null || verifierToken.isBlank()) {
			log.warn("No webhook verifier token (LEDGERFLOW_ACCOUNTING_QBO_WEBHOOK_VERIFIER_TOKEN): webhooks refused");
			return false;
		}
		if (signature == null || signature.isBlank()) {
			return false;
		}
		byte[] claimed;
		try {
			claimed = Base64.getDecoder().decode(signature.strip());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return MessageDigest.isEqual(sign(body, verifierToken), claimed);
	}

	static byte[] sign(byte[] body, String verifierToken) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(new SecretKeySpec(verifierToken.getBytes(StandardCharsets.UTF_8), HMAC));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 unavailable", ex);
		}
	}

}
