package com.ledgerflow.mail;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.stereotype.Component;

/**
 * Resolves {@code mail/*.txt} from {@code classpath:templates/} in Thymeleaf's TEXT mode. Spring Boot adds it to its
 * template engine beside the HTML resolver of the pages; having an order (the HTML one has none) it is asked first,
 * and it answers only for names ending in {@code .txt} under {@code mail/}, so pages resolve as before.
 */
@Component
class MailTextTemplateResolver extends ClassLoaderTemplateResolver {

	static final String SUFFIX = ".txt";

	MailTextTemplateResolver() {
		super(MailTextTemplateResolver.class.getClassLoader());
		setPrefix("templates/");
		setResolvablePatterns(Set.of(MailTemplates.FOLDER + "*" + SUFFIX));
		setTemplateMode(TemplateMode.TEXT);
		setCharacterEncoding(StandardCharsets.UTF_8.name());
		setCheckExistence(true);
		setCacheable(true);
		setOrder(1);
	}

}
