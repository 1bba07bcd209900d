package com.ledgerflow.accounting.qbo;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * AES-GCM for OAuth tokens at rest: a random 12-byte IV per value, a 128-bit tag, stored as base64(iv || ciphertext
 * || tag). The associated data binds a value to its place (realm and column), so a ciphertext copied to another row or
 * column does not decrypt either.
 */
final class QboTokenCipher {

	private static final String TRANSFORMATION = "AES/GCM/NoPadding";

	private static final int IV_BYTES = 12;

	private static final int TAG_BITS = 128;

	private static final SecureRandom random = new SecureRandom();

	private final @Nullable SecretKeySpec key;

	private QboTokenCipher(@Nullable SecretKeySpec key) {
		this.key = key;
	}

	/**
	 * The cipher for a base64 AES key of 16, 24 or 32 bytes; throws {@link QboEncryptionKeyMissing} when the key is
	 * absent or not such a key.
	 */
	static QboTokenCipher of(@Nullable String base64Key) {
		if (base64Key == null || base64Key.isBlank()) {
			throw new QboEncryptionKeyMissing("is not set");
		}
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64Key.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new QboEncryptionKeyMissing("is not base64");
		}
		if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
			throw new QboEncryptionKeyMissing("decodes to " + bytes.length + " bytes, not 16, 24 or 32");
		}
		return new QboTokenCipher(new SecretKeySpec(bytes, "AES"));
	}

	/** A cipher without a key (provider {@code local} without a key): every use fails with the key's message. */
	static QboTokenCipher withoutKey() {
		return new QboTokenCipher(null);
	}

	String encrypt(String plain, String context) {
		byte[] iv = new byte[IV_BYTES];
		random.nextBytes(iv);
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, iv));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM encryption failed", ex);
		}
	}

	/** The plain value; throws {@link IllegalStateException} when the value was altered or sealed with another key. */
	String decrypt(String stored, String context) {
		byte[] bytes = Base64.getDecoder().decode(stored);
		if (bytes.length <= IV_BYTES) {
			throw new IllegalStateException("Encrypted token is too short");
		}
		try {
			Cipher cipher = Cipher.getInstance(TRANSFORMATION);
			cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (AEADBadTagException ex) {
			throw new IllegalStateException("Encrypted token was altered or sealed with another key ("
					+ QboEncryptionKeyMissing.ENV + " changed?)", ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM decryption failed", ex);
		}
	}

	private SecretKeySpec key() {
		if (key == null) {
			throw new QboEncryptionKeyMissing("is not set");
		}
		return key;
	}

}
