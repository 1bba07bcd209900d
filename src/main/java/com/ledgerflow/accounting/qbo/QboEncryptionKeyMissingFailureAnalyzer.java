package com.ledgerflow.accounting.qbo;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns {@link QboEncryptionKeyMissing} into a start-up report that says which environment variable to set. */
class QboEncryptionKeyMissingFailureAnalyzer extends AbstractFailureAnalyzer<QboEncryptionKeyMissing> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, QboEncryptionKeyMissing cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set " + QboEncryptionKeyMissing.ENV + " to a new random key, e.g. the output of "
						+ "'openssl rand -base64 32', and keep it: tokens stored under one key cannot be read with "
						+ "another (finance then reconnects QuickBooks). Or set LEDGERFLOW_ACCOUNTING_PROVIDER=local.",
				cause);
	}

}
