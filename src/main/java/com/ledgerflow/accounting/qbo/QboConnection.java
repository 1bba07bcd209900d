package com.ledgerflow.accounting.qbo;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** The connected QuickBooks company and its OAuth tokens, both encrypted by {@link QboTokenCipher}. */
@Entity
@Table(name = "qbo_connection")
class QboConnection {

	@Id
	private String realmId;

	private String accessToken;

	private String refreshToken;

	private Instant accessExpiresAt;

	private Instant refreshExpiresAt;

	@Enumerated(EnumType.STRING)
	private QboConnectionStatus status;

	private String connectedBy;

	private Instant connectedAt;

	private @Nullable Instant refreshedAt;

	@Version
	private @Nullable Long version;

	protected QboConnection() {
		this.realmId = "";
		this.accessToken = "";
		this.refreshToken = "";
		this.accessExpiresAt = Instant.EPOCH;
		this.refreshExpiresAt = Instant.EPOCH;
		this.status = QboConnectionStatus.CONNECTED;
		this.connectedBy = "";
		this.connectedAt = Instant.EPOCH;
	}

	QboConnection(String realmId) {
		this();
		this.realmId = realmId;
	}

	/** A new authorization: new tokens, whoever connected, status connected again. */
	void connected(SealedTokens tokens, String user, Instant now) {
		store(tokens);
		this.connectedBy = user;
		this.connectedAt = now;
		this.refreshedAt = null;
	}

	/** A refresh: the access token and the (rotated) refresh token Intuit answered with. */
	void refreshed(SealedTokens tokens, Instant now) {
		store(tokens);
		this.refreshedAt = now;
	}

	void reconnectNeeded() {
		this.status = QboConnectionStatus.RECONNECT_NEEDED;
	}

	private void store(SealedTokens tokens) {
		this.accessToken = tokens.accessToken();
		this.refreshToken = tokens.refreshToken();
		this.accessExpiresAt = tokens.accessExpiresAt();
		this.refreshExpiresAt = tokens.refreshExpiresAt();
		this.status = QboConnectionStatus.CONNECTED;
	}

	String realmId() {
		return realmId;
	}

	String sealedAccessToken() {
		return accessToken;
	}

	String sealedRefreshToken() {
		return refreshToken;
	}

	Instant accessExpiresAt() {
		return accessExpiresAt;
	}

	Instant refreshExpiresAt() {
		return refreshExpiresAt;
	}

	QboConnectionStatus status() {
		return status;
	}

	QboConnectionSummary summary() {
		return new QboConnectionSummary(realmId, status, connectedBy, connectedAt, accessExpiresAt, refreshExpiresAt,
				refreshedAt);
	}

	/** Tokens as stored: encrypted, with their expiry. */
	record SealedTokens(String accessToken, String refreshToken, Instant accessExpiresAt, Instant refreshExpiresAt) {
	}

}
