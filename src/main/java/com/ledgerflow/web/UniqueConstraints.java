package com.ledgerflow.web;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Turns the name of a violated unique index into a sentence a person understands. */
final class UniqueConstraints {

	private static final Map<String, String> MESSAGES = Map.of("client_name_uq", "A client with this name already exists",
			"person_email_uq", "A person with this e-mail already exists", "person_user_id_uq",
			"A person with this user id already exists", "project_code_uq", "A project with this code already exists",
			"project_rate_person_uq", "This person already has a rate on the project", "project_rate_project_uq",
			"The project already has a project-wide rate");

	private UniqueConstraints() {
	}

	static String describe(@Nullable String databaseMessage) {
		if (databaseMessage != null) {
			for (var entry : MESSAGES.entrySet()) {
				if (databaseMessage.contains(entry.getKey())) {
					return entry.getValue();
				}
			}
		}
		return "The change conflicts with existing data";
	}

}
