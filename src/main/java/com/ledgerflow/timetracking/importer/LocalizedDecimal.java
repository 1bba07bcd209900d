package com.ledgerflow.timetracking.importer;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Reads a decimal written with either {@code .} or {@code ,} as decimal separator, deciding per value: with both
 * present the last one is the decimal separator ({@code 2.000,0}, {@code 1,234.50}); a single one is the decimal
 * separator ({@code 7,5}, {@code 7.5}); one repeated is grouping ({@code 1.000.000}). Grouping must come in threes.
 */
final class LocalizedDecimal {

	private static final Pattern SHAPE = Pattern.compile("[+-]?[0-9.,]*[0-9][0-9.,]*");

	private LocalizedDecimal() {
	}

	/** The value, or {@code null} when the text is not such a number. */
	static @Nullable BigDecimal parse(String text) {
		String value = text.strip().replace("\u00A0", "").replace(" ", "");
		if (!SHAPE.matcher(value).matches()) {
			return null;
		}
		char decimal = decimalSeparator(value);
		char grouping = (decimal == ',') ? '.' : ',';
		int decimalAt = value.indexOf(decimal);
		if (decimalAt != value.lastIndexOf(decimal)) {
			decimal = 0; // one separator repeated: grouping only, e.g. 1.000.000
			grouping = value.charAt(decimalAt);
			decimalAt = -1;
		}
		String integer = (decimalAt < 0) ? value : value.substring(0, decimalAt);
		String fraction = (decimalAt < 0) ? "" : value.substring(decimalAt + 1);
		if (fraction.indexOf(grouping) >= 0 || !wellGrouped(integer, grouping)) {
			return null;
		}
		String plain = integer.replace(String.valueOf(grouping), "") + (fraction.isEmpty() ? "" : "." + fraction);
		try {
			return new BigDecimal(plain.startsWith("+") ? plain.substring(1) : plain);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static char decimalSeparator(String value) {
		int dot = value.lastIndexOf('.');
		int comma = value.lastIndexOf(',');
		if (dot >= 0 && comma >= 0) {
			return (dot > comma) ? '.' : ',';
		}
		return (comma >= 0) ? ',' : '.';
	}

	private static boolean wellGrouped(String integer, char grouping) {
		String digits = integer.replaceFirst("^[+-]", "");
		if (digits.indexOf(grouping) < 0) {
			return true;
		}
		String separator = Pattern.quote(String.valueOf(grouping));
		return digits.matches("[0-9]{1,3}(" + separator + "[0-9]{3})+");
	}

}
