package com.ledgerflow.timetracking.importer;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** The header row of an import file: column positions by case-insensitive, trimmed name. */
final class HeaderColumns {

	private static final char BOM = '\uFEFF';

	private final List<String> names;

	private final Map<String, Integer> positions = new HashMap<>();

	HeaderColumns(List<String> cells) {
		this.names = cells.stream().map(HeaderColumns::clean).toList();
		for (int i = 0; i < names.size(); i++) {
			positions.putIfAbsent(key(names.get(i)), i);
		}
	}

	boolean has(String column) {
		return positions.containsKey(key(column));
	}

	@Nullable Integer position(String column) {
		return positions.get(key(column));
	}

	/** The column's name as the file spells it, for error messages. */
	String spelled(String column) {
		Integer position = position(column);
		return position == null ? column : names.get(position);
	}

	/** The first column named like {@code Amount (EUR)} for the prefix {@code amount (}. */
	@Nullable String startingWith(String prefix) {
		return names.stream().filter((name) -> key(name).startsWith(prefix)).findFirst().orElse(null);
	}

	/** The ISO code in a name like {@code Billable Rate (USD)}; {@code null} without a three-letter code. */
	static @Nullable String currencyIn(@Nullable String column) {
		if (column == null || !column.endsWith(")") || column.indexOf('(') < 0) {
			return null;
		}
		String code = column.substring(column.lastIndexOf('(') + 1, column.length() - 1).trim();
		return code.matches("[A-Za-z]{3}") ? code.toUpperCase(Locale.ROOT) : null;
	}

	/** How many columns are among {@code known}; a known name ending in {@code (} matches any suffix. */
	int countKnown(List<String> known) {
		return (int) names.stream()
			.map(HeaderColumns::key)
			.filter((name) -> known.stream().anyMatch((k) -> k.endsWith("(") ? name.startsWith(k) : name.equals(k)))
			.count();
	}

	@Override
	public String toString() {
		return String.join(",", names);
	}

	private static String clean(String name) {
		String trimmed = name.strip();
		return (!trimmed.isEmpty() && trimmed.charAt(0) == BOM) ? trimmed.substring(1).strip() : trimmed;
	}

	private static String key(String name) {
		return clean(name).toLowerCase(Locale.ROOT);
	}

}
