package com.ledgerflow.accounting.qbo;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The token cipher. With provider {@code qbo} start-up fails without a valid key ({@link QboEncryptionKeyMissing});
 * with {@code local} the key is optional, and connecting QuickBooks without one fails with the same message.
 */
@Configuration(proxyBeanMethods = false)
class QboConfiguration {

	static final String PROVIDER = "ledgerflow.accounting.provider";

	@Bean
	QboTokenCipher qboTokenCipher(QboProperties properties, Environment environment) {
		String key = properties.encryptionKey();
		if (isQbo(environment) || (key != null && !key.isBlank())) {
			return QboTokenCipher.of(key);
		}
		return QboTokenCipher.withoutKey();
	}

	static boolean isQbo(Environment environment) {
		return "qbo".equals(environment.getProperty(PROVIDER));
	}

}
