package com.ledgerflow.mail;

import java.util.Locale;
import java.util.Map;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/**
 * Renders the bodies of an e-mail from {@code templates/mail/{name}.txt} (Thymeleaf TEXT mode) and
 * {@code templates/mail/{name}.html} (HTML mode, values escaped by {@code th:text}). Modules keep subject, recipients,
 * dedupe key and attachments; the wording lives in the templates, which analysts and administrators edit.
 */
@Component
public class MailTemplates {

	static final String FOLDER = "mail/";

	private final ITemplateEngine engine;

	MailTemplates(ITemplateEngine engine) {
		this.engine = engine;
	}

	/**
	 * Both bodies of template {@code name} (e.g. {@code invoice}) for {@code model}.
	 * @throws org.thymeleaf.exceptions.TemplateInputException when either template is missing or invalid
	 */
	public Bodies render(String name, Map<String, ?> model) {
		Context context = new Context(Locale.ENGLISH);
		model.forEach(context::setVariable);
		return new Bodies(engine.process(FOLDER + name + MailTextTemplateResolver.SUFFIX, context),
				engine.process(FOLDER + name, context));
	}

	/** The plain-text body and its HTML alternative. */
	public record Bodies(String text, String html) {
	}

}
