package com.ledgerflow.timetracking.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Uploaded time CSVs between their preview and the import, so the file is not chosen twice: each is a temp file under
 * {@code java.io.tmpdir/ledgerflow-imports}, named by a random token and a hash of the uploader's login. Only the
 * uploader finds it again (another login's token names no file of theirs); it is deleted once imported, and uploads
 * older than {@link #KEPT} are swept whenever a file is kept. A file, not a table: uploads may be 50 MB and the
 * importer streams them, and nothing of a preview needs to outlive a restart.
 */
@Component
class PendingImports {

	static final Duration KEPT = Duration.ofDays(1);

	private final Path directory = Path.of(System.getProperty("java.io.tmpdir"), "ledgerflow-imports");

	private final Clock clock;

	PendingImports(Clock clock) {
		this.clock = clock;
	}

	/** Keeps an upload for {@code userId}; answers its token. */
	String keep(String userId, InputStream upload) throws IOException {
		Files.createDirectories(directory);
		sweep();
		String token = UUID.randomUUID().toString();
		Files.copy(upload, file(userId, token));
		return token;
	}

	/** The upload {@code userId} kept under {@code token}; empty when it is not theirs, imported or swept. */
	Optional<Path> find(String userId, String token) {
		if (!isToken(token)) {
			return Optional.empty();
		}
		Path file = file(userId, token);
		return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
	}

	void discard(String userId, String token) {
		find(userId, token).ifPresent(PendingImports::delete);
	}

	private void sweep() throws IOException {
		Instant oldest = clock.instant().minus(KEPT);
		try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.csv")) {
			for (Path file : files) {
				if (Files.getLastModifiedTime(file).toInstant().isBefore(oldest)) {
					delete(file);
				}
			}
		}
	}

	private Path file(String userId, String token) {
		return directory.resolve(token + "-" + owner(userId) + ".csv");
	}

	private static boolean isToken(String token) {
		try {
			return UUID.fromString(token).toString().equals(token);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** The login hashed: logins may hold characters a file name must not. */
	private static String owner(String userId) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(userId.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
