package com.ledgerflow;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one Spring context of the integration tests: embedded PostgreSQL, job executor off, GreenMail as SMTP server,
 * a fake QBO as Intuit's OAuth endpoints and QBO API (provider stays {@code local}).
 * Never add per-class mocks or properties here: a second context means a second engine and a second database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = { TestMailServer.class, TestQboServer.class })
public @interface IntegrationTest {

}
