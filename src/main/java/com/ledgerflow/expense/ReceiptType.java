package com.ledgerflow.expense;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The receipt formats Ledgerflow keeps, recognised by their first bytes (never by the file name or the declared
 * content type, which the uploader controls).
 */
public enum ReceiptType {

	PDF("application/pdf", "pdf"), JPEG("image/jpeg", "jpg"), PNG("image/png", "png"), HEIC("image/heic", "heic");

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	// ISO base media file brands of HEIF/HEIC still images (iPhone photos)
	private static final Set<String> HEIF_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "mif1",
			"msf1");

	private final String contentType;

	private final String extension;

	ReceiptType(String contentType, String extension) {
		this.contentType = contentType;
		this.extension = extension;
	}

	public String contentType() {
		return contentType;
	}

	public String extension() {
		return extension;
	}

	/** The type the bytes are, if one of ours. */
	public static Optional<ReceiptType> sniff(byte[] bytes) {
		if (startsWith(bytes, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
			return Optional.of(PDF);
		}
		if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
			return Optional.of(JPEG);
		}
		if (startsWith(bytes, PNG_SIGNATURE)) {
			return Optional.of(PNG);
		}
		if (bytes.length >= 12 && new String(bytes, 4, 4, StandardCharsets.US_ASCII).equals("ftyp")
				&& HEIF_BRANDS.contains(new String(bytes, 8, 4, StandardCharsets.US_ASCII))) {
			return Optional.of(HEIC);
		}
		return Optional.empty();
	}

	/** A short human description of what unknown bytes look like, for the error message. */
	static String describe(byte[] bytes) {
		if (bytes.length == 0) {
			return "an empty file";
		}
		if (bytes.length >= 2 && bytes[0] == 'M' && bytes[1] == 'Z') {
			return "a Windows program";
		}
		if (startsWith(bytes, new byte[] { 0x7F, 'E', 'L', 'F' })) {
			return "a Linux program";
		}
		if (startsWith(bytes, new byte[] { 'P', 'K', 3, 4 })) {
			return "a ZIP archive";
		}
		if (startsWith(bytes, "GIF8".getBytes(StandardCharsets.US_ASCII))) {
			return "a GIF image";
		}
		return "of an unknown type";
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
	}

}
