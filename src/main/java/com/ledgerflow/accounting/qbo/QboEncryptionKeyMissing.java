package com.ledgerflow.accounting.qbo;

/** Start-up failure: provider {@code qbo} without a usable key to encrypt the OAuth tokens at rest. */
public class QboEncryptionKeyMissing extends IllegalStateException {

	static final String ENV = "LEDGERFLOW_ACCOUNTING_QBO_ENCRYPTION_KEY";

	QboEncryptionKeyMissing(String problem) {
		super("The QuickBooks token encryption key " + problem + ": set the environment variable " + ENV
				+ " (property ledgerflow.accounting.qbo.encryption-key) to a base64 AES key of 16, 24 or 32 bytes.");
	}

}
