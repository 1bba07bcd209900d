package com.ledgerflow.accounting.qbo;

import java.util.concurrent.atomic.AtomicInteger;

/** Access tokens straight from a {@link FakeQbo}, standing in for the OAuth token store in plain tests. */
final class FakeQboTokens implements QboAccessTokens {

	private final FakeQbo qbo;

	private final AtomicInteger refreshes = new AtomicInteger();

	private volatile String accessToken;

	FakeQboTokens(FakeQbo qbo) {
		this.qbo = qbo;
		this.accessToken = qbo.issueTokens().accessToken();
	}

	@Override
	public String realmId() {
		return FakeQbo.REALM_ID;
	}

	@Override
	public String accessToken() {
		return accessToken;
	}

	@Override
	public synchronized String refreshAfterUnauthorized(String rejected) {
		if (rejected.equals(accessToken)) {
			refreshes.incrementAndGet();
			accessToken = qbo.issueTokens().accessToken();
		}
		return accessToken;
	}

	int refreshes() {
		return refreshes.get();
	}

}
