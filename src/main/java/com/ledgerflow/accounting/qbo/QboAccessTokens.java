package com.ledgerflow.accounting.qbo;

/**
 * The connected QuickBooks company and a valid access token for it. Implemented by the OAuth token store; the API
 * client asks it for every call.
 */
interface QboAccessTokens {

	/** The connected company's realm id; throws {@link QboNotConnected} when nobody has connected QuickBooks. */
	String realmId();

	/** A valid access token, refreshed first when it expires within a few minutes. */
	String accessToken();

	/**
	 * QBO answered 401 to {@code rejected}: refresh once (unless another call or node already did) and return the
	 * new token; throws {@link QboNotConnected} when the refresh token itself is refused (reconnect needed).
	 */
	String refreshAfterUnauthorized(String rejected);

}
