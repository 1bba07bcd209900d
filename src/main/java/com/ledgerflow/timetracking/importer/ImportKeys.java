package com.ledgerflow.timetracking.importer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Import keys of one file, in file order: SHA-256 hex of the format, the entry's normalized fields (person e-mail or
 * else name in lower case, client, project, task, date, start, minutes, notes) and {@code #n}, where {@code n} counts
 * the rows with the same fields earlier in the file. Importing the same file again yields the same keys; identical
 * rows in one file get distinct ones.
 */
final class ImportKeys {

	private static final String SEPARATOR = "\u001F";

	/*
	 * Occurrences by the first 64 bits of the fields' hash: bounded memory for large files. A collision between two
	 * different rows only makes the later one count from 1; its key stays distinct and repeatable.
	 */
	private final Map<Long, Integer> occurrences = new HashMap<>();

	private final MessageDigest sha256;

	ImportKeys() {
		try {
			this.sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime has SHA-256", ex);
		}
	}

	String next(ImportRow row) {
		String fields = fields(row);
		long fieldsHash = ByteBuffer.wrap(digest(fields)).getLong();
		int earlier = occurrences.merge(fieldsHash, 1, Integer::sum) - 1;
		return HexFormat.of().formatHex(digest(fields + "#" + earlier));
	}

	private static String fields(ImportRow row) {
		String person = (row.personEmail() != null) ? row.personEmail() : Objects.toString(row.personName(), "");
		return String.join(SEPARATOR, row.format().name(), person.toLowerCase(Locale.ROOT),
				Objects.toString(row.clientName(), ""), row.projectName(), Objects.toString(row.taskName(), ""),
				row.date().toString(), Objects.toString(row.start(), ""), String.valueOf(row.minutes()), row.notes());
	}

	private byte[] digest(String text) {
		return sha256.digest(text.getBytes(StandardCharsets.UTF_8));
	}

}
