package com.ledgerflow.accounting.qbo;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;

/** The QBO API client, with provider {@code qbo}; its {@link QboAccessTokens} come from the OAuth token store. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledgerflow.accounting.provider", havingValue = "qbo")
class QboClientConfiguration {

	@Bean
	QboClient qboClient(QboProperties properties, QboAccessTokens tokens, RestClient.Builder http) {
		// the limiter measures wall time, whatever clock the domain uses
		return new QboClient(properties, tokens, http, QboRetryPolicy.DEFAULT, Clock.systemUTC(), Sleeper.REAL);
	}

}
