package com.ledgerflow.accounting.qbo;

import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QboTokenCipherTests {

	static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	final QboTokenCipher cipher = QboTokenCipher.of(KEY);

	@Test
	void decryptsWhatItEncrypted() {
		String sealed = cipher.encrypt("eyJhbGciOi-access-token", "ctx");

		assertThat(sealed).doesNotContain("access-token");
		assertThat(cipher.decrypt(sealed, "ctx")).isEqualTo("eyJhbGciOi-access-token");
	}

	@Test
	void usesAFreshIvForEveryValue() {
		byte[] one = Base64.getDecoder().decode(cipher.encrypt("same", "ctx"));
		byte[] two = Base64.getDecoder().decode(cipher.encrypt("same", "ctx"));

		assertThat(Arrays.copyOf(one, 12)).isNotEqualTo(Arrays.copyOf(two, 12));
		assertThat(one).hasSize(12 + 4 + 16);
	}

	@Test
	void detectsATamperedValue() {
		byte[] sealed = Base64.getDecoder().decode(cipher.encrypt("refresh-token", "ctx"));
		sealed[14] ^= 1;

		assertThatThrownBy(() -> cipher.decrypt(Base64.getEncoder().encodeToString(sealed), "ctx"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("altered");
	}

	@Test
	void refusesAValueMovedToAnotherRealmOrColumn() {
		String sealed = cipher.encrypt("refresh-token", QboTokenStore.context("1", "refresh_token"));

		assertThatThrownBy(() -> cipher.decrypt(sealed, QboTokenStore.context("2", "refresh_token")))
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> cipher.decrypt(sealed, QboTokenStore.context("1", "access_token")))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void refusesAnotherKey() {
		String sealed = cipher.encrypt("refresh-token", "ctx");
		byte[] other = new byte[32];
		other[0] = 1;

		assertThatThrownBy(() -> QboTokenCipher.of(Base64.getEncoder().encodeToString(other)).decrypt(sealed, "ctx"))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void rejectsMissingOrInvalidKeysNamingTheEnvironmentVariable() {
		assertThatThrownBy(() -> QboTokenCipher.of(null)).isInstanceOf(QboEncryptionKeyMissing.class)
			.hasMessageContaining("LEDGERFLOW_ACCOUNTING_QBO_ENCRYPTION_KEY");
		assertThatThrownBy(() -> QboTokenCipher.of(" ")).isInstanceOf(QboEncryptionKeyMissing.class);
		assertThatThrownBy(() -> QboTokenCipher.of("not base64!")).isInstanceOf(QboEncryptionKeyMissing.class)
			.hasMessageContaining("base64");
		assertThatThrownBy(() -> QboTokenCipher.of(Base64.getEncoder().encodeToString(new byte[10])))
			.isInstanceOf(QboEncryptionKeyMissing.class)
			.hasMessageContaining("10 bytes");
	}

	@Test
	void aCipherWithoutKeyFailsOnUseNamingTheEnvironmentVariable() {
		assertThatThrownBy(() -> QboTokenCipher.withoutKey().encrypt("x", "ctx"))
			.isInstanceOf(QboEncryptionKeyMissing.class)
			.hasMessageContaining("LEDGERFLOW_ACCOUNTING_QBO_ENCRYPTION_KEY");
	}

}
