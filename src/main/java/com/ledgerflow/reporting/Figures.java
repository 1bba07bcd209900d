package com.ledgerflow.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.jspecify.annotations.Nullable;

/**
 * The reports' one rounding rule: SQL sums exactly, and each figure is rounded once, half-up — money and hours to
 * two places, percentages to one. Money that SQL summed as minutes × hourly rate is divided by 60 here, once.
 */
final class Figures {

	static final BigDecimal SIXTY = BigDecimal.valueOf(60);

	static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private Figures() {
	}

	static BigDecimal cents(@Nullable BigDecimal amount) {
		return amount == null ? BigDecimal.ZERO.setScale(2) : amount.setScale(2, RoundingMode.HALF_UP);
	}

	/** Σ minutes × rate → money. */
	static BigDecimal fromMinuteRate(@Nullable BigDecimal minutesTimesRate) {
		return minutesTimesRate == null ? BigDecimal.ZERO.setScale(2)
				: minutesTimesRate.divide(SIXTY, 2, RoundingMode.HALF_UP);
	}

	static BigDecimal hours(long minutes) {
		return BigDecimal.valueOf(minutes).divide(SIXTY, 2, RoundingMode.HALF_UP);
	}

	/** part / whole × 100, one place; null when the whole is zero. */
	static @Nullable BigDecimal percent(BigDecimal part, @Nullable BigDecimal whole) {
		if (whole == null || whole.signum() == 0) {
			return null;
		}
		return part.multiply(HUNDRED).divide(whole, 1, RoundingMode.HALF_UP);
	}

	static BigDecimal zeroIfNull(@Nullable BigDecimal value) {
		return value == null ? BigDecimal.ZERO : value;
	}

}
