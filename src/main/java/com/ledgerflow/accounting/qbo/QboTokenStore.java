package com.ledgerflow.accounting.qbo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The OAuth tokens of the connected company, encrypted at rest. Refreshing locks the connection row
 * ({@code select ... for update}) across the call to Intuit, so two callers or nodes never spend the same refresh
 * token: the second one waits, then finds the fresh token and uses it. Intuit rotates refresh tokens; the one it
 * answers with is always stored.
 */
@Component
class QboTokenStore implements QboAccessTokens {

	/** An access token expiring sooner than this is refreshed before use. */
	static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

	private static final String ACCESS = "access_token";

	private static final String REFRESH = "refresh_token";

	private static final Logger log = LoggerFactory.getLogger(QboTokenStore.class);

	private final QboConnectionRepository connections;

	private final IntuitOAuthClient oauth;

	private final QboTokenCipher cipher;

	private final TransactionTemplate transactions;

	private final Clock clock;

	QboTokenStore(QboConnectionRepository connections, IntuitOAuthClient oauth, QboTokenCipher cipher,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.connections = connections;
		this.oauth = oauth;
		this.cipher = cipher;
		// its own transaction, also inside a caller's: the row lock ends with the refresh, and "reconnect needed"
		// stays stored when the caller rolls back
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	@Override
	public String realmId() {
		return current().realmId();
	}

	@Override
	public String accessToken() {
		QboConnection connection = usable(current());
		if (!expiresSoon(connection)) {
			return access(connection);
		}
		return refresh(connection.realmId(), this::expiresSoon);
	}

	@Override
	public String refreshAfterUnauthorized(String rejected) {
		return refresh(realmId(), locked -> access(locked).equals(rejected));
	}

	/** The connection as the page shows it. */
	Optional<QboConnectionSummary> summary() {
		return transactions.execute(status -> connections.findFirstByOrderByConnectedAtDesc().map(QboConnection::summary));
	}

	/** Stores a new authorization for the realm; any other company's connection is replaced. */
	void connect(String realmId, IntuitOAuthClient.TokenResponse tokens, String user) {
		Instant now = clock.instant();
		transactions.executeWithoutResult(status -> {
			connections.findAll()
				.stream()
				.filter(other -> !other.realmId().equals(realmId))
				.forEach(connections::delete);
			QboConnection connection = connections.lockByRealmId(realmId).orElseGet(() -> new QboConnection(realmId));
			connection.connected(seal(realmId, tokens, now), user, now);
			connections.save(connection);
		});
		log.info("QuickBooks company {} connected by {}", realmId, user);
	}

	/** Forgets the connection; answers the plain refresh token so the caller can revoke it. */
	Optional<String> disconnect() {
		return transactions.execute(status -> connections.findFirstByOrderByConnectedAtDesc().map(connection -> {
			String refreshToken = cipher.decrypt(connection.sealedRefreshToken(), context(connection.realmId(), REFRESH));
			connections.delete(connection);
			log.info("QuickBooks company {} disconnected", connection.realmId());
			return refreshToken;
		}));
	}

	private String refresh(String realmId, Predicate<QboConnection> stillNeeded) {
		Refresh outcome = transactions.execute(status -> {
			QboConnection locked = connections.lockByRealmId(realmId)
				.orElseThrow(() -> new QboNotConnected("QuickBooks was disconnected"));
			if (locked.status() == QboConnectionStatus.RECONNECT_NEEDED) {
				return Refresh.refused("QuickBooks needs to be reconnected");
			}
			if (!stillNeeded.test(locked)) {
				return Refresh.done(access(locked)); // another caller or node refreshed while we waited for the lock
			}
			Instant now = clock.instant();
			if (!locked.refreshExpiresAt().isAfter(now)) {
				locked.reconnectNeeded();
				return Refresh.refused("The QuickBooks refresh token expired on " + locked.refreshExpiresAt());
			}
			IntuitOAuthClient.TokenResponse tokens;
			try {
				tokens = oauth.refresh(cipher.decrypt(locked.sealedRefreshToken(), context(realmId, REFRESH)));
			}
			catch (IntuitOAuthClient.RefreshRefused ex) {
				locked.reconnectNeeded();
				log.warn("Intuit refused the refresh token of QuickBooks company {}: {}", realmId, ex.getMessage());
				return Refresh.refused("Intuit refused the QuickBooks refresh token: finance must reconnect QuickBooks");
			}
			locked.refreshed(seal(realmId, tokens, now), now);
			return Refresh.done(tokens.accessToken());
		});
		if (outcome == null || outcome.accessToken() == null) {
			throw new QboNotConnected(outcome == null ? "QuickBooks is not connected" : outcome.failure());
		}
		return outcome.accessToken();
	}

	private QboConnection current() {
		return connections.findFirstByOrderByConnectedAtDesc()
			.orElseThrow(() -> new QboNotConnected("QuickBooks is not connected: finance connects it at /accounting/qbo"));
	}

	private static QboConnection usable(QboConnection connection) {
		if (connection.status() == QboConnectionStatus.RECONNECT_NEEDED) {
			throw new QboNotConnected("QuickBooks needs to be reconnected at /accounting/qbo");
		}
		return connection;
	}

	private boolean expiresSoon(QboConnection connection) {
		return connection.accessExpiresAt().isBefore(clock.instant().plus(REFRESH_MARGIN));
	}

	private String access(QboConnection connection) {
		return cipher.decrypt(connection.sealedAccessToken(), context(connection.realmId(), ACCESS));
	}

	private QboConnection.SealedTokens seal(String realmId, IntuitOAuthClient.TokenResponse tokens, Instant now) {
		return new QboConnection.SealedTokens(cipher.encrypt(required(tokens.accessToken()), context(realmId, ACCESS)),
				cipher.encrypt(required(tokens.refreshToken()), context(realmId, REFRESH)), now.plus(tokens.accessTtl()),
				now.plus(tokens.refreshTtl()));
	}

	private static String required(@Nullable String token) {
		if (token == null) {
			throw new IllegalStateException("Intuit answered without a token");
		}
		return token;
	}

	/** Associated data of a sealed token: a value only decrypts in its own realm and column. */
	static String context(String realmId, String column) {
		return "qbo_connection:" + realmId + ":" + column;
	}

	private record Refresh(@Nullable String accessToken, String failure) {

		static Refresh done(String accessToken) {
			return new Refresh(accessToken, "");
		}

		static Refresh refused(String failure) {
			return new Refresh(null, failure);
		}

	}

}
