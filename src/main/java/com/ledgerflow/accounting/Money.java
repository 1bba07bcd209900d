package com.ledgerflow.accounting;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money rules of the port: amounts are exact decimals with two places, half-up where a product needs rounding. */
public final class Money {

	/** Places of every amount the port passes (cents). */
	public static final int SCALE = 2;

	private Money() {
	}

	/** {@code amount} at two places; refuses amounts that would lose a digit (use {@link #round} for products). */
	public static BigDecimal exact(BigDecimal amount) {
		return amount.setScale(SCALE, RoundingMode.UNNECESSARY);
	}

	/** {@code amount} rounded half-up to two places (e.g. quantity times unit price). */
	public static BigDecimal round(BigDecimal amount) {
		return amount.setScale(SCALE, RoundingMode.HALF_UP);
	}

}
